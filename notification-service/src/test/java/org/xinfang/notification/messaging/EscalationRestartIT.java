package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.SCHOOL;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.xinfang.contracts.event.AlertEscalated;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.MutableClock;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.notification.NotificationApplication;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.EscalationTimer;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.EscalationTimerStore;

/**
 * Escalation timers across a real restart of the service (two application contexts over the same store and consumer
 * group), and the in-memory wake-up firing steps on time with the slow sweep switched off.
 */
class EscalationRestartIT {

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    private static ConfigurableApplicationContext start(String name, Clock clock, String... extra) {
        Infrastructure infra = Infrastructure.shared();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                "--xinfang.mongo.uri=" + infra.mongoUri(),
                "--xinfang.mongo.database=" + name,
                "--spring.kafka.consumer.group-id=" + name));
        args.addAll(List.of(extra));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(NotificationApplication.class);
        if (clock != null) {
            builder.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("testClock", Clock.class,
                    () -> clock, bd -> bd.setPrimary(true)));
        }
        return builder.run(args.toArray(String[]::new));
    }

    /** Waits until the consumer group has committed every routed event there is (offsets commit after the effect). */
    private static void awaitCaughtUp(String group) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafkaBootstrap()))) {
            await("the replay of the topic is handled", Duration.ofSeconds(60), () -> {
                try {
                    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    var request = new java.util.HashMap<org.apache.kafka.common.TopicPartition,
                            org.apache.kafka.clients.admin.OffsetSpec>();
                    var partitions = admin.describeTopics(List.of(Topics.PETITION_ROUTED.name())).allTopicNames().get()
                            .get(Topics.PETITION_ROUTED.name()).partitions();
                    partitions.forEach(p -> request.put(new org.apache.kafka.common.TopicPartition(
                            Topics.PETITION_ROUTED.name(), p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
                    var ends = admin.listOffsets(request).all().get();
                    return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                            || (committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (java.util.concurrent.ExecutionException e) {
                    return false;
                }
            });
        }
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static Optional<Alert> activationRequest(ConfigurableApplicationContext app, String petitionId) {
        List<Alert> alerts = app.getBean(AlertStore.class).forPetition(DISTRICT, SCHOOL, petitionId)
                .collectList().block(Duration.ofSeconds(5));
        return alerts.stream().filter(a -> a.kind() == AlertKind.ACTIVATION_REQUEST).findFirst();
    }

    private static void wake(ConfigurableApplicationContext app) throws Exception {
        app.getBean(Escalator.class).wakeNow().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRestartInTheMiddleOfAChainNeitherLosesNorRepeatsAStep() throws Exception {
        String name = "escalation-restart-" + UUID.randomUUID().toString().substring(0, 8);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        String[] settings = {"--xinfang.notification.escalation.chain=LEADER:PT5M,DEPUTY:PT5M,PRINCIPAL:PT10M,BUREAU_DUTY",
                "--xinfang.notification.escalation.claim-lease=PT1M",
                // Keeps the department notice's own timer out of the way of the step under test.
                "--xinfang.notification.escalation.outside-chain-wait=PT1H"};
        // Before the restart only the test wakes the timers; after it, the recovery sweep must find the abandoned claim.
        String[] firstRun = concat(settings, "--xinfang.notification.escalation.sweep-interval-ms=3600000");
        String[] secondRun = concat(settings, "--xinfang.notification.escalation.sweep-interval-ms=200");
        PetitionRouted event = routed(EmergencyLevel.HIGH, "教导处", List.of());
        String petitionId = event.meta().petitionId();

        String alertId;
        try (ConfigurableApplicationContext first = start(name, clock, firstRun)) {
            tap.publish(Topics.PETITION_ROUTED, event);
            await("the activation request", Duration.ofSeconds(30), () -> activationRequest(first, petitionId).isPresent());
            alertId = activationRequest(first, petitionId).orElseThrow().alertId();

            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            wake(first);
            // The poll that stored the alert stores its escalation timer a moment later (listeners run after the
            // store write); a timer stored already overdue fires at once, so wait for the step rather than assume it.
            await("the deputy is asked", Duration.ofSeconds(20),
                    () -> activationRequest(first, petitionId).orElseThrow().step() == 1);

            // The topic's older petitions are replayed into this store; once they are all handled, nothing but the
            // test wakes the timers, so the step below is claimed by the instance that dies and by nobody else.
            awaitCaughtUp(name);
            // The next step falls due and an instance claims it, then dies before doing anything.
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            // (The topic's older petitions, replayed into this store, have due timers too: claim until ours.)
            EscalationTimerStore timers = first.getBean(EscalationTimerStore.class);
            Optional<EscalationTimer> claimed;
            do {
                claimed = timers.claimDue(clock.instant(), "instance-that-dies").blockOptional(Duration.ofSeconds(5));
            } while (claimed.isPresent() && !claimed.get().alertId().equals(alertId));
            assertThat(claimed).map(EscalationTimer::fromStep).contains(1);
        }

        // While the service is down the abandoned claim's lease runs out.
        clock.advance(Duration.ofMinutes(2));
        try (ConfigurableApplicationContext second = start(name, clock, secondRun)) {
            await("the principal is asked after the restart", Duration.ofSeconds(20),
                    () -> activationRequest(second, petitionId).map(a -> a.step() == 2).orElse(false));
            Alert alert = activationRequest(second, petitionId).orElseThrow();
            assertThat(alert.currentRole().name()).isEqualTo("PRINCIPAL");
        }

        List<AlertEscalated> escalations = tap.collect(Topics.ALERT_ESCALATED, e -> alertId.equals(e.alertId()),
                Duration.ofSeconds(3));
        assertThat(escalations).extracting(AlertEscalated::toStep).containsExactly(1, 2);
    }

    @Test
    void stepsFireOnTimeFromTheInMemoryWakeUpWithoutTheSweep() {
        String name = "escalation-wakeup-" + UUID.randomUUID().toString().substring(0, 8);
        PetitionRouted event = routed(EmergencyLevel.ELEVATED, "后勤处", List.of());
        String petitionId = event.meta().petitionId();
        try (ConfigurableApplicationContext app = start(name, null,
                "--xinfang.notification.escalation.chain=LEADER:PT1S,DEPUTY:PT1S,PRINCIPAL:PT1S,BUREAU_DUTY",
                "--xinfang.notification.escalation.sweep-interval-ms=3600000")) {
            tap.publish(Topics.PETITION_ROUTED, event);
            await("the bureau duty office is reached", Duration.ofSeconds(15),
                    () -> activationRequest(app, petitionId).map(a -> a.step() == 3).orElse(false));
            Alert alert = activationRequest(app, petitionId).orElseThrow();
            List<AlertEscalated> escalations = tap.collect(Topics.ALERT_ESCALATED,
                    e -> alert.alertId().equals(e.alertId()), Duration.ofSeconds(2));
            assertThat(escalations).extracting(AlertEscalated::toRole).containsExactly("DEPUTY", "PRINCIPAL", "BUREAU_DUTY");
            Instant previous = alert.raisedAt();
            for (AlertEscalated step : escalations) {
                Duration waited = Duration.between(previous, step.meta().occurredAt());
                // Each step waits its second; the sweep is off, so a step on time came from the in-memory wake-up.
                assertThat(waited).isBetween(Duration.ofMillis(990), Duration.ofMillis(2500));
                previous = step.meta().occurredAt();
            }
        }
    }
}
