package org.xinfang.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.ServiceIT;

/**
 * Silences as the school's overseers need them: a school cannot quiet what goes to the bureau or the General Office,
 * ending one early is recorded next to the end it was set with, and the bureau's duty office sees every silence of
 * its district. Who may do what is the matrix of docs/access.md.
 */
class SilenceIT extends ServiceIT {

    private static final String SCHOOL = "s-silence-01";

    private WebTestClient.ResponseSpec create(String bearer, String school, Map<String, Object> body) {
        return web.post().uri(b -> school == null ? b.path("/api/v1/silences").build()
                        : b.path("/api/v1/silences").queryParam("school", school).build())
                .header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> hour(String key, String value) {
        return Map.of("endsAt", Instant.now().plus(Duration.ofHours(1)).toString(), key, value, "comment", "已在处置");
    }

    private List<Map<String, Object>> history(String bearer) {
        return web.get().uri("/api/v1/silences/history").header("Authorization", bearer).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void aSchoolMayNotSilenceThoseWhoOverseeIt() {
        String leader = Fixtures.bearer("s-silence-00", Role.LEADER);
        for (String role : List.of("BUREAU_DUTY", "BUREAU_ANALYST", "GENERAL_OFFICE")) {
            create(leader, null, hour("recipientRole", role)).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("recipientRole");
        }
        for (String kind : List.of("BUREAU_ALERT", "DEADLINE_LAPSED")) {
            create(leader, null, hour("kind", kind)).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        }
        assertThat(history(leader)).as("nothing refused was stored").isEmpty();
    }

    @Test
    void endingASilenceRecordsWhoAndKeepsTheEndItWasSetWithAndTheBureauSeesIt() {
        String school = "s-silence-02";
        Map<?, ?> set = create(Fixtures.bearer(school, Role.LEADER), null, hour("kind", "DEPARTMENT_NOTICE"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) set.get("silenceId");
        assertThat(set.get("createdRole")).isEqualTo("LEADER");

        Map<?, ?> ended = web.delete().uri("/api/v1/silences/{id}", id)
                .header("Authorization", Fixtures.bearer(school, Role.DEPUTY_LEADER)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(Instant.parse((String) ended.get("endsAt")))
                .isEqualTo(Instant.parse((String) set.get("endsAt")).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(ended.get("endedBy")).isEqualTo(Fixtures.subject(school, Role.DEPUTY_LEADER));
        assertThat(ended.get("endedRole")).isEqualTo("DEPUTY_LEADER");
        assertThat(ended.get("endedAt")).isNotNull();
        web.delete().uri("/api/v1/silences/{id}", id).header("Authorization", Fixtures.bearer(school, Role.LEADER))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/silences").header("Authorization", Fixtures.bearer(school, Role.LEADER)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        List<Map<String, Object>> seenByBureau = history(Fixtures.bearer(Role.BUREAU_DUTY_OFFICER));
        assertThat(seenByBureau).filteredOn(s -> id.equals(s.get("silenceId"))).singleElement().satisfies(s -> {
            assertThat(s.get("school")).isEqualTo(school);
            assertThat(s.get("createdBy")).isEqualTo(Fixtures.subject(school, Role.LEADER));
            assertThat(s.get("endedRole")).isEqualTo("DEPUTY_LEADER");
        });
        assertThat(history(Fixtures.bearer("s-silence-03", Role.LEADER))).as("another school's leader")
                .noneMatch(s -> id.equals(s.get("silenceId")));
    }

    @Test
    void everyRoleGetsWhatTheMatrixSaysForSilences() {
        List<String> got = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (Role role : Role.values()) {
            String bearer = role.scope() == Role.Scope.SCHOOL
                    ? (role == Role.DEPARTMENT_HANDLER ? Fixtures.handler(SCHOOL, "LOGISTICS") : Fixtures.bearer(SCHOOL, role))
                    : Fixtures.bearer(role);
            String school = role.scope() == Role.Scope.DISTRICT ? SCHOOL : null;
            boolean sets = role == Role.LEADER || role == Role.DEPUTY_LEADER || role == Role.ADMINISTRATOR;
            boolean reads = sets || role == Role.BUREAU_DUTY_OFFICER;
            want.add(role + " set=" + (sets ? 201 : 403) + " history=" + (reads ? 200 : 403));
            int setStatus = create(bearer, school, hour("kind", "DEPARTMENT_NOTICE")).returnResult(byte[].class)
                    .getStatus().value();
            int readStatus = web.get().uri("/api/v1/silences/history").header("Authorization", bearer).exchange()
                    .returnResult(byte[].class).getStatus().value();
            got.add(role + " set=" + setStatus + " history=" + readStatus);
        }
        assertThat(got).isEqualTo(want);
    }
}
