package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.ServiceIT;
import org.xinfang.notification.persistence.WebhookSecretStore;

/**
 * Each webhook contact signs with a secret of its own, made by the suite when the contact is registered and shown in
 * that answer only; rotated through the API with an overlap in which both signatures travel; and a contact from before
 * secrets were per contact stays on the service's shared secret ("test-secret" here) until it is rotated.
 */
class WebhookSecretsIT extends ServiceIT {

    @Autowired
    WebhookSecretStore secrets;

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String signature(HttpReceiver.Received call, String secret) throws Exception {
        return hmac(secret, call.header("X-Xinfang-Timestamp"), call.body());
    }

    private String registerPolice(String school, String path) {
        return putContact(school, "police", Map.of("role", "POLICE", "name", "派出所值班",
                "webhookUrl", RECEIVER.url(path))).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("signingSecret").toString();
    }

    /** Routes a critical petition at the school and waits for its police alert at the receiver. */
    private HttpReceiver.Received policeCall(String school, String path) {
        PetitionRouted event = routed(school, EmergencyLevel.CRITICAL, "后勤处", java.util.List.of());
        tap.publish(Topics.PETITION_ROUTED, event);
        String petitionId = event.meta().petitionId();
        await("the police webhook", Duration.ofSeconds(20), () -> RECEIVER.accepted().stream()
                .anyMatch(r -> r.path().equals(path) && r.text().contains(petitionId)));
        return RECEIVER.accepted().stream().filter(r -> r.path().equals(path) && r.text().contains(petitionId))
                .findFirst().orElseThrow();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec rotate(String school, String id,
                                                                                        String bearer, Object body) {
        var request = web.post().uri("/api/v1/contacts/{id}/signing-secret?school={s}", id, school)
                .header("Authorization", bearer);
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aNewWebhookContactGetsItsOwnSecretOnceAndItsAlertsAreSignedWithItAlone() throws Exception {
        String school = "s-secrets-01";
        String secret = registerPolice(school, "/secrets-01");
        assertThat(secret).matches("[0-9a-f]{64}").isNotEqualTo(registerPolice("s-secrets-01b", "/secrets-01b"));

        String admin = Fixtures.bearer(Role.ADMINISTRATOR);
        for (String uri : new String[] {"/api/v1/contacts/police?school=" + school, "/api/v1/contacts?school=" + school,
                "/api/v1/contacts/audit?school=" + school, "/api/v1/contacts"}) {
            String answer = web.get().uri(uri).header("Authorization", admin).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(answer).as(uri).contains("police").doesNotContain(secret).doesNotContain("signingSecret");
        }
        // The same receiver, another name: the secret stays, and is not shown again.
        putContact(school, "police", Map.of("role", "POLICE", "name", "派出所", "webhookUrl", RECEIVER.url("/secrets-01")))
                .expectStatus().isOk().expectBody().jsonPath("$.signingSecret").doesNotExist();

        HttpReceiver.Received call = policeCall(school, "/secrets-01");
        assertThat(call.header("X-Xinfang-Signature")).isEqualTo(signature(call, secret))
                .isNotEqualTo(signature(call, "test-secret"));
    }

    @Test
    void aRotatedSecretSignsNextToTheOldOneDuringTheOverlapThenTheNewOneAlone() throws Exception {
        String school = "s-secrets-02";
        String first = registerPolice(school, "/secrets-02");
        String admin = Fixtures.bearer(Role.ADMINISTRATOR);

        Map<?, ?> rotated = rotate(school, "police", admin, Map.of("overlap", "PT1H")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String second = rotated.get("signingSecret").toString();
        assertThat(second).matches("[0-9a-f]{64}").isNotEqualTo(first);
        assertThat(rotated.get("previousSignsUntil")).isNotNull();
        HttpReceiver.Received during = policeCall(school, "/secrets-02");
        assertThat(during.header("X-Xinfang-Signature"))
                .isEqualTo(signature(during, second) + ", " + signature(during, first));

        String third = rotate(school, "police", admin, Map.of("overlap", "PT0S")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("signingSecret").toString();
        HttpReceiver.Received after = policeCall(school, "/secrets-02");
        assertThat(after.header("X-Xinfang-Signature")).isEqualTo(signature(after, third));

        web.get().uri("/api/v1/contacts/audit?school={s}", school).header("Authorization", admin).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.action == 'SIGNING_SECRET_ROTATED')].by").value(by ->
                        assertThat(by.toString()).contains("u-administrator"));
    }

    @Test
    void rotationIsTheAdministratorsAndBadRequestsNameTheirField() {
        String school = "s-secrets-03";
        registerPolice(school, "/secrets-03");
        putContact(school, "leader", Map.of("role", "LEADER", "name", "组长", "email", "leader@school.test"))
                .expectStatus().isOk().expectBody().jsonPath("$.signingSecret").doesNotExist();
        String admin = Fixtures.bearer(Role.ADMINISTRATOR);
        rotate(school, "police", TestIssuer.shared().school(DISTRICT, school, Role.LEADER).bearer(), null)
                .expectStatus().isForbidden();
        rotate(school, "police", admin, Map.of("overlap", "P30D")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("overlap");
        rotate(school, "police", admin, Map.of("overlap", "soon")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("overlap");
        rotate(school, "leader", admin, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("webhookUrl");
        rotate(school, "nobody", admin, null).expectStatus().isNotFound();
    }

    @Test
    void aContactFromBeforeSecretsWerePerContactKeepsTheSharedSecretUntilRotated() throws Exception {
        String school = "s-secrets-04";
        registerPolice(school, "/secrets-04");
        // As the store holds a contact registered before this change: no secret of its own.
        secrets.remove(DISTRICT, school, "police").block();
        HttpReceiver.Received legacy = policeCall(school, "/secrets-04");
        assertThat(legacy.header("X-Xinfang-Signature")).isEqualTo(signature(legacy, "test-secret"));

        String own = rotate(school, "police", Fixtures.bearer(Role.ADMINISTRATOR), null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("signingSecret").toString();
        HttpReceiver.Received switching = policeCall(school, "/secrets-04");
        assertThat(switching.header("X-Xinfang-Signature"))
                .isEqualTo(signature(switching, own) + ", " + signature(switching, "test-secret"));
    }
}
