package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.OverduePetition;
import org.xinfang.contracts.event.ReportDigestReady;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.DigestPeriod;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.NotificationApplication;
import org.xinfang.notification.ServiceIT;
import tools.jackson.databind.JsonNode;

/**
 * Reporting's digests reach the district's bureau contacts over the real broker: a readable mail at the real SMTP
 * server and a signed webhook, each once per digest event even when the event comes again, and even when a restarted
 * service with lost offsets reads the whole topic again. Unreadable records go to the dead-letter topic.
 */
class DigestDeliveryIT extends ServiceIT {

    @Value("${xinfang.mongo.database}")
    String database;

    private void bureauContact(String district, String id, Map<String, Object> body) {
        web.put().uri("/api/v1/contacts/{id}", id)
                .header("Authorization", TestIssuer.shared().district(district, Role.ADMINISTRATOR).bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }

    private static ReportDigestReady digest(String district, LocalDate day, long received) {
        EventMeta meta = new EventMeta(ReportDigestReady.idFor(district, DigestPeriod.DAILY, day),
                ReportDigestReady.class.getSimpleName(), EventMeta.CURRENT_SCHEMA_VERSION, Instant.now(), district, null,
                null);
        return new ReportDigestReady(meta, DigestPeriod.DAILY, day, day,
                Map.of("received", received, "accepted", 7L, "overdue", 1L),
                Map.of("school", Map.of("s-dg-01", 9L, "s-dg-02", 3L)),
                List.of(new OverduePetition("p-overdue-1", "s-dg-01", "LOGISTICS", "ACCEPT",
                        Instant.parse("2026-11-20T00:00:00Z"))));
    }

    private static List<MimeMessage> mailsAbout(String digestDistrict, LocalDate day) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                if (m.getSubject().contains(digestDistrict + " " + day)) {
                    found.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static long webhooksAbout(String path, String digestId) {
        return RECEIVER.accepted().stream().filter(r -> r.path().equals(path) && r.text().contains(digestId)).count();
    }

    @Test
    void aDigestReachesEachBureauContactOnceByMailAndWebhookEvenWhenSentAgainAndAfterARestart() throws Exception {
        String district = "d-digest-" + System.nanoTime() % 100000;
        String hook = "/digest/" + district;
        bureauContact(district, "duty", Map.of("role", "BUREAU_DUTY", "name", "教育局值班室",
                "email", "duty@bureau.test", "webhookUrl", RECEIVER.url(hook), "phone", "13700000001"));
        bureauContact(district, "analyst", Map.of("role", "BUREAU_ANALYST", "name", "教育局分析员",
                "email", "analyst@bureau.test"));
        RECEIVER.failFirst(hook, 1);

        LocalDate day = LocalDate.parse("2026-11-27");
        ReportDigestReady first = digest(district, day, 12);
        tap.publish(Topics.REPORT_DIGEST_READY, first);
        await("mail to both bureau contacts", Duration.ofSeconds(30), () -> mailsAbout(district, day).size() == 2);
        await("the webhook, after one refusal", Duration.ofSeconds(30),
                () -> webhooksAbout(hook, first.meta().eventId()) == 1);

        MimeMessage mail = mailsAbout(district, day).get(0);
        String text = mail.getContent().toString();
        assertThat(mail.getSubject()).contains("日报").contains("daily digest");
        assertThat(text).contains("收到信访事项 received: 12").contains("已受理 accepted: 7")
                .contains("s-dg-01: 9").contains("p-overdue-1").contains("LOGISTICS").contains("超期事项 Overdue");
        assertThat(mail.getHeader("Idempotency-Key")).isNotEmpty();
        assertThat(mailsAbout(district, day)).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("duty@bureau.test", "analyst@bureau.test");
        HttpReceiver.Received call = RECEIVER.accepted().stream()
                .filter(r -> r.path().equals(hook) && r.text().contains(first.meta().eventId())).findFirst().orElseThrow();
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(call.body());
        assertThat(body.get("totals").get("received").asLong()).isEqualTo(12);
        assertThat(body.get("overdue").get(0).get("department").asString()).isEqualTo("LOGISTICS");
        assertThat(call.header("Idempotency-Key")).isEqualTo(body.get("deliveryId").asString());
        assertThat(call.header("X-Xinfang-Signature")).startsWith("sha256=");
        // Digests are figures to read, not calls to act: no text message.
        assertThat(RECEIVER.accepted()).noneMatch(r -> r.path().equals("/sms-gateway") && r.text().contains(district));

        // The same digest again (redelivered, or re-sent by reporting), then the next day's: only the next one is sent.
        tap.publish(Topics.REPORT_DIGEST_READY, digest(district, day, 13));
        LocalDate next = day.plusDays(1);
        tap.publish(Topics.REPORT_DIGEST_READY, digest(district, next, 5));
        await("the next day's digest", Duration.ofSeconds(30), () -> mailsAbout(district, next).size() == 2);
        assertThat(mailsAbout(district, day)).hasSize(2);

        // A restarted service that lost its offsets reads the whole topic again: the store remembers what was sent.
        Infrastructure infra = Infrastructure.shared();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                "--xinfang.mongo.uri=" + infra.mongoUri(), "--xinfang.mongo.database=" + database,
                "--spring.kafka.consumer.group-id=digest-restart-" + System.nanoTime(),
                "--xinfang.notification.routed.auto-startup=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort()));
        LocalDate third = next.plusDays(1);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(NotificationApplication.class)
                .run(args.toArray(String[]::new))) {
            tap.publish(Topics.REPORT_DIGEST_READY, digest(district, third, 1));
            await("the third day's digest from the restarted service", Duration.ofSeconds(60),
                    () -> mailsAbout(district, third).size() >= 2);
        }
        assertThat(mailsAbout(district, third)).hasSize(2);
        assertThat(mailsAbout(district, day)).hasSize(2);
        assertThat(mailsAbout(district, next)).hasSize(2);
        assertThat(webhooksAbout(hook, first.meta().eventId())).isEqualTo(1);
    }

    @Test
    void anUnreadableDigestIsDeadLetteredWithItsReasonAndTheConsumerCarriesOn() {
        String district = "d-digest-poison-" + System.nanoTime() % 100000;
        bureauContact(district, "analyst", Map.of("role", "BUREAU_ANALYST", "name", "分析员", "email", "a@bureau.test"));
        tap.publishRaw(Topics.REPORT_DIGEST_READY.name(), district, "{\"meta\":{}}".getBytes(StandardCharsets.UTF_8));
        LocalDate day = LocalDate.parse("2026-11-20");
        tap.publish(Topics.REPORT_DIGEST_READY, digest(district, day, 2));

        var dead = tap.collectRaw(Topics.REPORT_DIGEST_READY.deadLetterName(), r -> district.equals(r.key()),
                Duration.ofSeconds(10));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("x-dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
        await("the next digest is delivered", Duration.ofSeconds(30), () -> mailsAbout(district, day).size() == 1);
    }
}
