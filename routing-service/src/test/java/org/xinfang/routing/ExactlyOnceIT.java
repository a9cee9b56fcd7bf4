package org.xinfang.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.routing.persistence.DecisionStore;

/**
 * One decision and one routed event id per received event, whatever the broker redelivers and however often the
 * consumer stops: the decision is keyed by the received event id, and a stored decision is re-published as it was.
 */
@SpringBootTest
@DirtiesContext
@ContextCustomizerFactories(RoutingInfrastructure.class)
class ExactlyOnceIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DecisionStore decisions;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // The recovery loop runs often here, so a decision whose publication never happened is seen within the test.
        registry.add("xinfang.routing.recovery.interval", () -> "PT1S");
        registry.add("xinfang.routing.recovery.grace", () -> "PT2S");
    }

    @Test
    void eachReceivedEventIsDecidedOnceAcrossRedeliveriesAndConsumerRestarts() {
        List<PetitionReceived> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(Petitions.received(Form.GROUP, 5 + i, "家长反映食堂卫生问题 " + i, "家长反映食堂饭菜变质，第" + i + "批。"));
        }
        for (int i = 0; i < 10; i++) {
            tap.publish(Topics.PETITION_RECEIVED, batch.get(i));
        }
        // Stop the consumer while it is busy, then publish more, including redeliveries of what it has seen.
        container().stop();
        for (int i = 10; i < 30; i++) {
            tap.publish(Topics.PETITION_RECEIVED, batch.get(i));
        }
        for (int i = 0; i < 15; i++) {
            tap.publish(Topics.PETITION_RECEIVED, batch.get(i));
        }
        container().start();
        // And once more, a stop and start with nothing published in between.
        awaitRouted(batch.subList(0, 5), 5);
        container().stop();
        container().start();

        // 45 deliveries at least (30 events, 15 redelivered), each answered by a publication of the standing decision.
        Map<String, List<PetitionRouted>> routed = awaitRouted(batch, 45);
        assertThat(routed.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(45);
        for (PetitionReceived received : batch) {
            List<PetitionRouted> copies = routed.get(received.meta().eventId());
            assertThat(copies).as(received.title()).isNotEmpty();
            assertThat(copies.stream().map(r -> r.meta().eventId()).collect(Collectors.toSet()))
                    .as("routed event ids for " + received.title())
                    .containsExactly(EventMeta.derivedFrom(received.meta(), PetitionRouted.class, "routed", Instant.now()).eventId());
            assertThat(new HashSet<>(copies)).as("every copy is the stored decision").hasSize(1);
        }
        Set<String> stored = new HashSet<>();
        decisions.all().filter(d -> routed.containsKey(d.receivedEventId())).map(PetitionRouted::receivedEventId)
                .doOnNext(stored::add).blockLast();
        assertThat(stored).hasSize(batch.size());
        assertThat(decisions.all().filter(d -> routed.containsKey(d.receivedEventId())).count().block())
                .isEqualTo((long) batch.size());
    }

    @Test
    void aDecisionStoredBeforeACrashIsPublishedAsStoredNotDecidedAgain() {
        PetitionReceived received = Petitions.received(Form.INDIVIDUAL, 1, "孩子转学手续", "转学手续办不下来。");
        // What an instance that crashed after its write, before publishing or committing, left behind.
        PetitionRouted leftBehind = new PetitionRouted(
                EventMeta.derivedFrom(received.meta(), PetitionRouted.class, "routed", received.receivedAt()),
                received.meta().eventId(), Subject.TRANSFER, "ACADEMIC_AFFAIRS", List.of("PRINCIPAL_OFFICE"),
                EmergencyLevel.ROUTINE, List.of("decided by the instance that crashed"), "default-1",
                new org.xinfang.contracts.event.Deadlines(received.receivedAt().plus(Duration.ofDays(15)), 60, 30));
        container().stop();
        decisions.decideOnce(leftBehind).block();
        tap.publish(Topics.PETITION_RECEIVED, received);
        container().start();

        List<PetitionRouted> published = awaitRouted(List.of(received), 1).get(received.meta().eventId());
        assertThat(published).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo(leftBehind));
    }

    @Test
    void aDecisionWhosePublicationWasLostIsRecoveredWithoutARedelivery() {
        PetitionReceived received = Petitions.received(Form.GROUP, 8, "校车超载", "接送学生的校车严重超载。");
        PetitionRouted unpublished = new PetitionRouted(
                EventMeta.derivedFrom(received.meta(), PetitionRouted.class, "routed", received.receivedAt().minusSeconds(60)),
                received.meta().eventId(), Subject.TRAFFIC_SAFETY, "YOUNG_PIONEERS", List.of("GENERAL_OFFICE"),
                EmergencyLevel.ELEVATED, List.of("stored, publication lost"), "default-1",
                new org.xinfang.contracts.event.Deadlines(received.receivedAt().plus(Duration.ofDays(15)), 60, 30));
        decisions.decideOnce(unpublished).block();

        PetitionRouted recovered = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), WAIT);
        assertThat(recovered).isEqualTo(unpublished);
    }

    @Test
    void aBatchHoldingTheSameReceivedEventTwiceStoresOneDecisionAndAnswersItForBoth() {
        PetitionReceived first = Petitions.received(Form.INDIVIDUAL, 1, "作业太多", "作业写到半夜。");
        PetitionReceived second = Petitions.received(Form.INDIVIDUAL, 1, "校车超载", "校车超载。");
        PetitionRouted a = decision(first, "first delivery");
        PetitionRouted aAgain = decision(first, "second delivery in the same poll");
        PetitionRouted b = decision(second, "only delivery");
        List<PetitionRouted> standing = decisions.decideAllOnce(List.of(a, aAgain, b)).block();
        assertThat(standing).containsExactly(a, a, b);
        assertThat(decisions.decideAllOnce(List.of(decision(second, "a later redelivery"))).block()).containsExactly(b);
    }

    private static PetitionRouted decision(PetitionReceived received, String reason) {
        return new PetitionRouted(EventMeta.derivedFrom(received.meta(), PetitionRouted.class, "routed", Instant.now()),
                received.meta().eventId(), Subject.UNKNOWN, "GENERAL_OFFICE", List.of(), EmergencyLevel.ROUTINE,
                List.of(reason), "default-1",
                new org.xinfang.contracts.event.Deadlines(received.receivedAt().plus(Duration.ofDays(15)), 60, 30));
    }

    private MessageListenerContainer container() {
        return listeners.getListenerContainer("petition-received");
    }

    /**
     * Waits until every received event has a routed event and at least {@code copies} routed records exist for them,
     * then answers all copies by received event id.
     */
    private static Map<String, List<PetitionRouted>> awaitRouted(List<PetitionReceived> received, int copies) {
        Set<String> ids = received.stream().map(r -> r.meta().eventId()).collect(Collectors.toSet());
        long end = System.nanoTime() + WAIT.toNanos();
        Map<String, List<PetitionRouted>> byReceived = Map.of();
        while (System.nanoTime() < end) {
            byReceived = tap.collect(Topics.PETITION_ROUTED, r -> ids.contains(r.receivedEventId()), Duration.ofSeconds(1))
                    .stream().collect(Collectors.groupingBy(PetitionRouted::receivedEventId));
            if (byReceived.keySet().containsAll(ids) && byReceived.values().stream().mapToInt(List::size).sum() >= copies) {
                break;
            }
        }
        return byReceived;
    }
}
