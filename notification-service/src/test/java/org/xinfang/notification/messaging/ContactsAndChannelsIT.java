package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.ServiceIT;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Contacts kept by administrators (audited), and alerts reaching them over real channels: signed webhooks to a local
 * HTTP receiver that fails and recovers, mail to a real SMTP server, text messages to an HTTP gateway, and the live
 * stream. Each test uses a school of its own, so its contacts see only its alerts.
 */
class ContactsAndChannelsIT extends ServiceIT {

    @Autowired
    MeterRegistry meters;

    /** Attempts counted so far over {@code channel} with {@code outcome}, as /actuator/prometheus shows them. */
    private double counted(String channel, String outcome) {
        return meters.get("xinfang.alert.deliveries").tag("channel", channel).tag("outcome", outcome).counter().count();
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void administratorsKeepContactsAndEveryChangeIsAudited() {
        String school = "s-contacts-01";
        web.put().uri("/api/v1/contacts/leader-1?school={s}", school)
                .header("Authorization", TestIssuer.shared().school(DISTRICT, school, Role.LEADER).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "LEADER", "name", "组长", "email", "leader@school.test"))
                .exchange().expectStatus().isForbidden();
        putContact(school, "leader-1", Map.of("role", "LEADER", "name", "组长", "email", "not-an-address"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        putContact(school, "dept-1", Map.of("role", "DEPARTMENT", "name", "后勤处长", "phone", "13900000000"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("department");
        putContact(school, "leader-1", Map.of("role", "LEADER", "name", "组长", "email", "leader@school.test"))
                .expectStatus().isOk();
        putContact(school, "leader-1", Map.of("role", "LEADER", "name", "组长", "email", "leader2@school.test"))
                .expectStatus().isOk();
        // Contact ids are each school's own: another school's leader-1 is another contact, audited there.
        putContact("s-contacts-02", "leader-1", Map.of("role", "LEADER", "name", "x", "email", "x@y.test"))
                .expectStatus().isOk();
        web.delete().uri("/api/v1/contacts/leader-1?school={s}", school)
                .header("Authorization", TestIssuer.shared().district(DISTRICT, Role.ADMINISTRATOR).subject("u-admin-2")
                        .bearer())
                .exchange().expectStatus().isOk();

        web.get().uri("/api/v1/contacts/audit?school={s}", school)
                .header("Authorization", Fixtures.bearer(Role.ADMINISTRATOR)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].action").isEqualTo("CREATED")
                .jsonPath("$[0].by").isEqualTo("u-administrator")
                .jsonPath("$[0].role").isEqualTo("ADMINISTRATOR")
                .jsonPath("$[1].action").isEqualTo("UPDATED")
                .jsonPath("$[1].before.email").isEqualTo("leader@school.test")
                .jsonPath("$[1].after.email").isEqualTo("leader2@school.test")
                .jsonPath("$[2].action").isEqualTo("REMOVED")
                .jsonPath("$[2].by").isEqualTo("u-admin-2");
        web.get().uri("/api/v1/contacts?school={s}", school)
                .header("Authorization", Fixtures.bearer(Role.ADMINISTRATOR)).exchange().expectStatus().isOk()
                .expectBody().json("[]");
    }

    @Test
    void aCriticalAlertReachesEachContactOverEachChannelAndAFailingReceiverGetsItOnceItRecovers() throws Exception {
        String school = "s-channels-01";
        // The police's receiver verifies with the secret made for it, shown once in this answer.
        String policeSecret = putContact(school, "police", Map.of("role", "POLICE", "name", "派出所值班",
                "webhookUrl", RECEIVER.url("/police"))).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("signingSecret").toString();
        putContact(school, "principal", Map.of("role", "PRINCIPAL", "name", "校长",
                "email", "principal@school.test")).expectStatus().isOk();
        putContact(school, "bureau", Map.of("role", "BUREAU_DUTY", "name", "教育局值班室",
                "phone", "13700000000")).expectStatus().isOk();
        RECEIVER.failFirst("/police", 2);
        double webhookFailed = counted("webhook", "failed");
        double webhookDelivered = counted("webhook", "delivered");
        double emailDelivered = counted("email", "delivered");
        double smsDelivered = counted("sms", "delivered");

        PetitionRouted event = routed(school, EmergencyLevel.CRITICAL, "后勤处", List.of());
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);

        await("the police webhook, after two refusals", Duration.ofSeconds(20), () -> RECEIVER.accepted().stream()
                .anyMatch(r -> r.path().equals("/police") && r.text().contains(petitionId)));
        HttpReceiver.Received call = RECEIVER.accepted().stream()
                .filter(r -> r.path().equals("/police") && r.text().contains(petitionId)).findFirst().orElseThrow();
        assertThat(call.header("X-Xinfang-Signature")).isEqualTo(hmac(policeSecret, call.header("X-Xinfang-Timestamp"),
                call.body()));
        assertThat(call.header("Idempotency-Key")).isNotBlank();
        assertThat(call.text()).contains("\"kind\":\"POLICE_ALERT\"").contains("\"level\":\"CRITICAL\"");

        String policeAlert = (String) alerts(school, petitionId).stream()
                .filter(a -> "POLICE_ALERT".equals(a.get("kind"))).findFirst().orElseThrow().get("alertId");
        await("the delivery is recorded as delivered", Duration.ofSeconds(5), () -> deliveries(school, policeAlert).stream()
                .anyMatch(d -> "DELIVERED".equals(d.get("state"))));
        Map<String, Object> delivery = deliveries(school, policeAlert).get(0);
        assertThat(delivery.get("attempts")).isEqualTo(3);
        assertThat(((Map<?, ?>) delivery.get("delivery")).get("deliveryId")).isEqualTo(call.header("Idempotency-Key"));

        // People read alerts by number and words, not ids: the principal's mail is the one asking them to the scene.
        String principalAlert = alertIdOf(school, petitionId, "PRINCIPAL_ALERT");
        await("mail to the principal", Duration.ofSeconds(20), () -> List.of(SMTP.getReceivedMessages()).stream()
                .anyMatch(m -> body(m).contains(principalAlert)));
        MimeMessage mail = List.of(SMTP.getReceivedMessages()).stream().filter(m -> body(m).contains(principalAlert))
                .findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("principal@school.test");
        assertThat(subject(mail)).contains("请学校主要领导立即赶赴现场指挥处置").doesNotContain("PRINCIPAL_ALERT");

        // The bureau's phone is reached through the SMS gateway adapter.
        String bureauAlert = alertIdOf(school, petitionId, "BUREAU_ALERT");
        java.util.function.Predicate<HttpReceiver.Received> bureauText = r -> r.path().equals("/sms-gateway")
                && deliveries(school, bureauAlert).stream().anyMatch(d -> r.header("Idempotency-Key")
                        .equals(((Map<?, ?>) d.get("delivery")).get("deliveryId")));
        await("a text to the bureau's duty phone", Duration.ofSeconds(20), () -> RECEIVER.accepted().stream()
                .anyMatch(bureauText));
        HttpReceiver.Received text = RECEIVER.accepted().stream().filter(bureauText).findFirst().orElseThrow();
        assertThat(text.text()).contains("\"to\":\"13700000000\"").contains("教育局");
        assertThat(text.header("Idempotency-Key")).isNotBlank();

        // Other tests share the service, so their deliveries may be counted too: at least these ones are.
        await("every outcome counted", Duration.ofSeconds(5), () -> counted("sms", "delivered") >= smsDelivered + 1);
        assertThat(counted("webhook", "failed")).isGreaterThanOrEqualTo(webhookFailed + 2);
        assertThat(counted("webhook", "delivered")).isGreaterThanOrEqualTo(webhookDelivered + 1);
        assertThat(counted("email", "delivered")).isGreaterThanOrEqualTo(emailDelivered + 1);
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("xinfang_alert_deliveries_total{channel=\"webhook\",outcome=\"delivered\"}")
                        .contains("xinfang_alert_deliveries_total{channel=\"email\",outcome=\"dead-lettered\"}"));
    }

    @Test
    void aReceiverThatNeverRecoversIsDeadLetteredAfterTheLastRetry() {
        String school = "s-channels-02";
        double failed = counted("webhook", "failed");
        double dead = counted("webhook", "dead-lettered");
        putContact(school, "leader", Map.of("role", "LEADER", "name", "组长",
                "webhookUrl", RECEIVER.url("/always-fail/leader"))).expectStatus().isOk();
        PetitionRouted event = routed(school, EmergencyLevel.HIGH, "教导处", List.of());
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the request alert", Duration.ofSeconds(20), () -> !alerts(school, event.meta().petitionId()).isEmpty());
        String request = (String) alerts(school, event.meta().petitionId()).stream()
                .filter(a -> "ACTIVATION_REQUEST".equals(a.get("kind"))).findFirst().orElseThrow().get("alertId");
        await("dead after four attempts", Duration.ofSeconds(20), () -> deliveries(school, request).stream()
                .anyMatch(d -> "DEAD".equals(d.get("state")) && Integer.valueOf(4).equals(d.get("attempts"))));
        assertThat(counted("webhook", "dead-lettered")).isGreaterThanOrEqualTo(dead + 1);
        assertThat(counted("webhook", "failed")).isGreaterThanOrEqualTo(failed + 3);
    }

    @Test
    void aReceiverThatAnswersWithARedirectHasNotTakenTheAlert() {
        String school = "s-channels-05";
        putContact(school, "leader", Map.of("role", "LEADER", "name", "组长",
                "webhookUrl", RECEIVER.url("/redirect/leader"))).expectStatus().isOk();
        PetitionRouted event = routed(school, EmergencyLevel.HIGH, "教导处", List.of());
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the request alert", Duration.ofSeconds(20), () -> !alerts(school, event.meta().petitionId()).isEmpty());
        String request = (String) alerts(school, event.meta().petitionId()).stream()
                .filter(a -> "ACTIVATION_REQUEST".equals(a.get("kind"))).findFirst().orElseThrow().get("alertId");
        await("dead after four attempts", Duration.ofSeconds(20), () -> deliveries(school, request).stream()
                .anyMatch(d -> "DEAD".equals(d.get("state")) && Integer.valueOf(4).equals(d.get("attempts"))));
        assertThat(deliveries(school, request)).noneMatch(d -> "DELIVERED".equals(d.get("state")));
    }

    @Test
    void dutyConsolesSeeTheirSchoolsAlertsLive() {
        String school = "s-channels-03";
        Flux<ServerSentEvent<Map<String, Object>>> stream = web.get().uri("/api/v1/alerts/stream")
                .header("Authorization", Fixtures.bearer(school, Role.LEADER))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody();
        PetitionRouted other = routed("s-channels-04", EmergencyLevel.CRITICAL, "后勤处", List.of());
        PetitionRouted ours = routed(school, EmergencyLevel.CRITICAL, "后勤处", List.of());
        StepVerifier.create(stream.filter(e -> e.data() != null).map(e -> (String) e.data().get("petitionId")))
                .then(() -> {
                    tap.publish(Topics.PETITION_ROUTED, other);
                    tap.publish(Topics.PETITION_ROUTED, ours);
                })
                .expectNext(ours.meta().petitionId())
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    private List<Map<String, Object>> deliveries(String school, String alertId) {
        return web.get().uri("/api/v1/alerts/{id}/deliveries", alertId)
                .header("Authorization", Fixtures.bearer(school, Role.CLERK))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    private String alertIdOf(String school, String petitionId, String kind) {
        return web.get().uri("/api/v1/alerts?petitionId={id}", petitionId)
                .header("Authorization", Fixtures.bearer(school, Role.LEADER)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody().stream().filter(a -> kind.equals(a.get("kind"))).findFirst().orElseThrow()
                .get("alertId").toString();
    }

    private static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
