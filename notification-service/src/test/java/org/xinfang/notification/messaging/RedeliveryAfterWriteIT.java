package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.ServiceIT;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.AlertPlanner;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.domain.RoutedPetition;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.ContactStore;
import org.xinfang.notification.persistence.DeliveryStore;
import org.xinfang.notification.persistence.IncidentStore;

/**
 * An instance stores a critical petition's alerts and their claimed deliveries, then dies before the webhook goes
 * out and before the poll's offset is committed. The routed event comes again (to this instance and, as a second
 * redelivery, once more): the police hear of it exactly once, under the idempotency key the dead instance stored,
 * once that instance's claim has run out.
 */
@TestPropertySource(properties = {"xinfang.notification.delivery.lease=PT2S",
        "xinfang.notification.delivery.sweep-interval-ms=300"})
class RedeliveryAfterWriteIT extends ServiceIT {

    private static final Duration STORE = Duration.ofSeconds(5);

    @Autowired
    AlertPlanner planner;
    @Autowired
    AlertStore alerts;
    @Autowired
    IncidentStore incidents;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    ContactStore contacts;

    @Test
    void aRedeliveredEventWhoseDeliveryWasStoredButNeverSentIsDeliveredOnceUnderTheStoredKey() {
        String school = "s-redelivered-" + System.nanoTime();
        String path = "/police-" + school;
        putContact(school, "police", Map.of("role", "POLICE", "name", "派出所值班", "webhookUrl", RECEIVER.url(path)))
                .expectStatus().isOk();
        PetitionRouted event = routed(school, EmergencyLevel.CRITICAL, "后勤处", List.of());
        String petitionId = event.meta().petitionId();

        // What the instance that died had written: the incident, the alerts and the police delivery, claimed.
        Instant then = Instant.now();
        AlertPlanner.Plan plan = planner.plan(new RoutedPetition(event.meta().eventId(), event.meta().district(), school,
                petitionId, event.subject(), event.department(), event.coDepartments(), event.level(), event.situation()), then).orElseThrow();
        incidents.openAll(List.of(plan.incident())).block(STORE);
        alerts.insertNew(plan.alerts(), true).block(STORE);
        Alert police = plan.alerts().stream().filter(a -> a.kind() == AlertKind.POLICE_ALERT).findFirst().orElseThrow();
        List<Delivery> planned = Delivery.forAlert(police, contacts.forDelivery(event.meta().district(), school).block(STORE));
        assertThat(planned).hasSize(1);
        Delivery stored = planned.get(0);
        assertThat(deliveries.insertClaimed(List.of(new DeliveryStore.Claim(stored, "dead-instance")), then,
                then.plus(Duration.ofSeconds(2))).block(STORE)).containsExactly(stored.deliveryId());

        tap.publish(Topics.PETITION_ROUTED, event);
        tap.publish(Topics.PETITION_ROUTED, event);

        // Both redeliveries are handled (each publishes the same four events again)...
        await("the redeliveries are handled", Duration.ofSeconds(30), () -> tap.collect(Topics.ALERT_RAISED,
                (AlertRaised e) -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(2)).size() >= 8);
        // ...and the stored delivery goes out once its claim has run out, as recorded.
        await("the stored delivery is sent and recorded", Duration.ofSeconds(20), () -> deliveries.ofAlert(police.alertId())
                .collectList().block(STORE).stream().anyMatch(d -> "DELIVERED".equals(d.state())));
        // Three sweeps later nothing else has gone out for this petition.
        long sweeps = System.nanoTime();
        await("three more sweeps", Duration.ofSeconds(5), () -> System.nanoTime() - sweeps > Duration.ofMillis(900).toNanos());

        List<HttpReceiver.Received> calls = RECEIVER.accepted().stream().filter(r -> r.path().equals(path)).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).header("Idempotency-Key")).isEqualTo(stored.deliveryId());
        assertThat(calls.get(0).text()).contains(petitionId).contains("\"kind\":\"POLICE_ALERT\"");
        assertThat(deliveries.ofAlert(police.alertId()).collectList().block(STORE)).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
    }
}
