package org.xinfang.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.persistence.DecisionStore;

/**
 * Rule sets per district and school over the real store: validated on save, versioned, audited, used by routing and
 * named in its decisions; and the dry run, which decides without storing or emitting anything.
 */
@RoutingServiceTest
class RuleSetAdministrationIT {

    private static final String DISTRICT = "d-admin";
    private static final String SCHOOL = "s-admin-01";
    private static final String BASE = "/api/v1/routing/rule-sets/districts/" + DISTRICT;
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient web;
    @Autowired
    DecisionStore decisions;

    @Test
    void onlyTheDistrictsAdministratorMayChangeItsRuleSet() {
        web.put().uri(BASE).header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(DISTRICT, SCHOOL, Role.LEADER))
                .bodyValue(body(0, "LOGISTICS"))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.put().uri(BASE).header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.administrator("d-other", "wang.admin", "王管理员"))
                .bodyValue(body(0, "LOGISTICS"))
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A header claiming the role is no token.
        web.put().uri(BASE).header("X-District", DISTRICT).header("X-Role", "ADMINISTRATOR").bodyValue(body(0, "LOGISTICS"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anInvalidRuleSetIsRefusedWithEveryFieldAtFault() {
        Map<String, Object> invalid = body(0, "CANTEEN");
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) invalid.get("assignments");
        table.remove("EPIDEMIC");
        table.put("HOMEWORK", Map.of("department", "LOGISTICS"));
        admin(web.put().uri(BASE + "/schools/s-invalid")).bodyValue(invalid)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("assignments.HOMEWORK")
                .jsonPath("$.errors[0].reason").isEqualTo("unknown subject");
        table.remove("HOMEWORK");
        admin(web.put().uri(BASE + "/schools/s-invalid")).bodyValue(invalid)
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'assignments.EPIDEMIC.department')].reason").isEqualTo("every subject needs a department")
                .jsonPath("$.errors[?(@.field == 'assignments.HYGIENE.department')].reason").isEqualTo("unknown department 'CANTEEN'");
        admin(web.put().uri(BASE + "/schools/s-invalid")).header("Content-Type", "application/json").bodyValue("{\"baseVersion\": \"one\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("baseVersion");
        admin(web.get().uri(BASE + "/schools/s-invalid")).exchange().expectStatus().isNotFound();
    }

    @Test
    void savedVersionsRouteTheirSchoolsAreNamedInDecisionsAndFormTheAuditTrail() {
        // The district moves hygiene to a canteen committee of its own.
        Map<String, Object> district = body(0, "CANTEEN_COMMITTEE");
        district.put("comment", "canteens are run by a district committee");
        web.put().uri(BASE).header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.administrator(DISTRICT, "zhang.admin", "张管理员"))
                .header("X-User", "someone.else").bodyValue(district)
                .exchange().expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.versionName").isEqualTo(DISTRICT + "-1")
                .jsonPath("$.savedBy").isEqualTo("zhang.admin")
                .jsonPath("$.savedByName").isEqualTo("张管理员")
                .jsonPath("$.savedByRole").isEqualTo("ADMINISTRATOR")
                .jsonPath("$.changes[0]").isEqualTo("departments added: CANTEEN_COMMITTEE")
                .jsonPath("$.changes[1]").isEqualTo("HYGIENE: LOGISTICS → CANTEEN_COMMITTEE");
        // A second edit from the same base loses: no silent overwrite.
        admin(web.put().uri(BASE)).bodyValue(body(0, "LOGISTICS")).exchange().expectStatus().isEqualTo(409);

        PetitionReceived received = Petitions.received(DISTRICT, "s-admin-02", Form.INDIVIDUAL, 1, false,
                "食堂饭菜变质", "孩子说食堂的饭菜有酸味，像是变质了。");
        tap.publish(Topics.PETITION_RECEIVED, received);
        PetitionRouted routed = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), Duration.ofSeconds(30));
        assertThat(routed.department()).isEqualTo("CANTEEN_COMMITTEE");
        assertThat(routed.ruleSetVersion()).isEqualTo(DISTRICT + "-1");

        // One school splits it differently again; its own rule set wins over the district's.
        admin(web.put().uri(BASE + "/schools/" + SCHOOL)).bodyValue(body(0, "LOGISTICS"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.versionName").isEqualTo(DISTRICT + "/" + SCHOOL + "-1")
                .jsonPath("$.changes[0]").isEqualTo("departments removed: CANTEEN_COMMITTEE");
        dryRun(DISTRICT, SCHOOL, Map.of("form", "INDIVIDUAL", "headcount", 1, "title", "食堂饭菜变质", "description", "饭菜变质"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.department").isEqualTo("LOGISTICS")
                .jsonPath("$.ruleSetVersion").isEqualTo(DISTRICT + "/" + SCHOOL + "-1");
        dryRun(DISTRICT, "s-admin-03", Map.of("form", "INDIVIDUAL", "headcount", 1, "title", "食堂饭菜变质", "description", "饭菜变质"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.department").isEqualTo("CANTEEN_COMMITTEE");

        Map<String, Object> second = body(1, "CANTEEN_COMMITTEE");
        second.put("coordinator", null);
        web.put().uri(BASE).header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.administrator(DISTRICT, "li.admin", "李管理员"))
                .bodyValue(second)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.changes[0]").isEqualTo("coordinator: GENERAL_OFFICE → null");
        admin(web.get().uri(BASE + "/history")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].version").isEqualTo(2).jsonPath("$[0].savedBy").isEqualTo("li.admin")
                .jsonPath("$[1].version").isEqualTo(1).jsonPath("$[1].savedBy").isEqualTo("zhang.admin")
                .jsonPath("$[1].comment").isEqualTo("canteens are run by a district committee")
                .jsonPath("$[1].savedAt").exists();
        web.get().uri("/api/v1/routing/rule-sets/effective")
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(DISTRICT, "s-admin-09", Role.DEPUTY_LEADER))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.versionName").isEqualTo(DISTRICT + "-2");
        web.get().uri("/api/v1/routing/rule-sets/effective")
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(DISTRICT, SCHOOL, Role.LEADER))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.versionName").isEqualTo(DISTRICT + "/" + SCHOOL + "-1");
        admin(web.get().uri("/api/v1/routing/rule-sets/effective?school=" + SCHOOL))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.versionName").isEqualTo(DISTRICT + "/" + SCHOOL + "-1");
    }

    @Test
    void aDryRunShowsTheDecisionAndItsReasonsAndLeavesNoTrace() {
        long before = decisions.count().block();
        dryRun("d-dry", "s-dry-01", Map.of("form", "GROUP", "headcount", 35, "escalated", false,
                "title", "家长聚集反映乱收费", "description", "三十多名家长反映学校乱收费，有家长说没有打人，但砸坏了门卫室的窗户。",
                "riskSignals", List.of("BLOCKING")))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("EDUCATION_FEES")
                .jsonPath("$.department").isEqualTo("PARTY_BRANCH")
                .jsonPath("$.level").isEqualTo("CRITICAL")
                .jsonPath("$.riskSignals[0]").isEqualTo("BLOCKING").jsonPath("$.riskSignals[1]").isEqualTo("VIOLENCE")
                .jsonPath("$.ruleSetVersion").isEqualTo("default-1")
                .jsonPath("$.deadlines").doesNotExist()
                .jsonPath("$.reasons").value(v -> assertThat((List<?>) v)
                        .anySatisfy(r -> assertThat(r.toString()).startsWith("主题：教育收费（EDUCATION_FEES）")
                                .contains("乱收费（标题·手设） +6"))
                        .anySatisfy(r -> assertThat(r.toString()).isEqualTo("「打人」前有否定「没有」，不计"))
                        .anySatisfy(r -> assertThat(r.toString()).contains("「砸坏」 → 打砸抢烧")));
        assertThat(decisions.count().block()).isEqualTo(before);
    }

    @Test
    void aDryRunOfAnInvalidPetitionNamesEveryField() {
        dryRun("d-dry", "s-dry-01", Map.of("headcount", 0, "title", " "))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'form')]").exists()
                .jsonPath("$.errors[?(@.field == 'headcount')]").exists()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists();
        dryRun("d-dry", "s-dry-01", Map.of("form", "CROWD", "headcount", 3, "title", "t", "description", "d"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("form");
        web.post().uri("/api/v1/routing/dry-run")
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school("d-dry", "s-dry-01", Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        dryRun("d-dry", "s-dry-01", Map.of("form", "INDIVIDUAL", "headcount", 1, "title", "t", "description", "长".repeat(10_001)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("description")
                .jsonPath("$.errors[0].reason").isEqualTo("at most 10000 characters");
        dryRun("d-dry", "s-dry-01", Map.of("form", "INDIVIDUAL", "headcount", 1, "title", "t", "description", "长".repeat(200_000)))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin(web.put().uri(BASE))
                .contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec dryRun(String district, String school, Map<String, Object> petition) {
        return web.post().uri("/api/v1/routing/dry-run")
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(district, school, Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(petition).exchange();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S admin(S spec) {
        spec.header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.administrator(DISTRICT, "admin-" + DISTRICT, "区管理员"));
        return spec;
    }

    /** The default table with hygiene given to {@code hygieneDepartment}, declared as a department when it is new. */
    private static Map<String, Object> body(int baseVersion, String hygieneDepartment) {
        Map<String, Object> table = new LinkedHashMap<>();
        DefaultRuleSet.create().assignments().forEach((subject, a) -> table.put(subject.name(),
                Map.of("department", subject == Subject.HYGIENE ? hygieneDepartment : a.department(),
                        "coDepartments", a.coDepartments())));
        List<String> departments = new java.util.ArrayList<>(DefaultRuleSet.DEPARTMENTS);
        if (!hygieneDepartment.equals("LOGISTICS") && !hygieneDepartment.equals("CANTEEN")) {
            departments.add(hygieneDepartment);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("baseVersion", baseVersion);
        body.put("departments", departments);
        body.put("assignments", table);
        body.put("coordinator", "GENERAL_OFFICE");
        return body;
    }
}
