package org.xinfang.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.intake.GroupPetitions;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.School;
import org.xinfang.intake.domain.PetitionChange;
import org.xinfang.intake.domain.Petitioner;
import org.xinfang.intake.domain.Registration;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Mono;

/**
 * Nothing is lost and nothing is published twice: with Kafka stopped during registration, with the process gone
 * between the write and the publish, and with the store down (503, nothing written).
 */
@IntakeServiceTest
class DurabilityIT {

    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(90);
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    LegalTimes legalTimes;

    @Autowired
    WebTestClient http;

    @Autowired
    PetitionStore store;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void registrationsWhileKafkaIsDownArePublishedExactlyOnceWhenItReturns() {
        String warmUp = register();
        tap.awaitOne(Topics.PETITION_RECEIVED, e -> warmUp.equals(e.meta().petitionId()), Duration.ofSeconds(20));

        Infrastructure infrastructure = Infrastructure.shared();
        List<String> whileDown = new ArrayList<>();
        infrastructure.stopKafka();
        try {
            for (int i = 0; i < 3; i++) {
                Instant started = Instant.now();
                whileDown.add(register());
                assertThat(Duration.between(started, Instant.now())).as("registration does not wait for Kafka")
                        .isLessThan(Duration.ofSeconds(3));
            }
            for (String id : whileDown) {
                assertThat(raw(id).getList("outbox", Document.class)).as("pending while Kafka is down").hasSize(1);
            }
        } finally {
            infrastructure.startKafka();
        }
        for (String id : whileDown) {
            IntakeTestSupport.await("petition " + id + " published and marked sent", RECOVERED_WITHIN,
                    () -> raw(id).getList("outbox", Document.class).isEmpty());
        }
        Set<String> expected = Set.copyOf(whileDown);
        assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> expected.contains(e.meta().petitionId()), Duration.ofSeconds(3)))
                .as("each published exactly once").hasSize(3)
                .extracting(e -> e.meta().petitionId()).containsExactlyInAnyOrderElementsOf(whileDown);
    }

    @Test
    void aWriteWhosePublishNeverRanIsPublishedOnceByTheRelay() {
        // Exactly what a registration leaves behind when the process dies after the write is acknowledged and
        // before the publish: the document with its unsent entry, whose lease has run out.
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Registration registration = new Registration(Channel.LETTER, Form.INDIVIDUAL, 1, false, false,
                List.of(new Petitioner("赵某", null, null, null, Relation.PARENT)), null, "来信", "反映收费问题。", null,
                null, Set.of());
        PetitionChange change = Petition.register(id, "东区一小〔2026〕9001号",
                School.unlisted(IntakeTestSupport.DISTRICT, IntakeTestSupport.SCHOOL), registration,
                new Actor("clerk-1", "Clerk One", Role.CLERK, null), now,
                legalTimes.clockOf(IntakeTestSupport.DISTRICT).block(Duration.ofSeconds(5)));
        store.insert(change, null, now, Duration.ZERO).block(Duration.ofSeconds(5));

        IntakeTestSupport.await("the relay publishes the orphaned entry", RECOVERED_WITHIN,
                () -> raw(id).getList("outbox", Document.class).isEmpty());
        assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void withTheStoreDownRegistrationAnswers503WithRetryAfterAndWritesNothing() {
        Infrastructure infrastructure = Infrastructure.shared();
        String title = "store-down-" + UUID.randomUUID();
        infrastructure.stopMongo();
        try {
            EntityExchangeResult<byte[]> refused = http.post().uri("/api/v1/petitions")
                    .header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(IntakeTestSupport.GROUP_PETITION.replace("家长反映食堂卫生问题", title))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().returnResult();
            assertThat(refused.getResponseBody()).isNotNull();
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        } finally {
            infrastructure.startMongo();
        }
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            assertThat(Mono.from(client.getDatabase(database).getCollection("petitions")
                    .countDocuments(new Document("title", title))).block(Duration.ofSeconds(10))).isZero();
        }
        IntakeTestSupport.await("the store answers again", Duration.ofSeconds(30), () -> http.post().uri("/api/v1/petitions")
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange().returnResult(byte[].class).getStatus().value() == 201);
    }

    private String register() {
        return GroupPetitions.register(http);
    }

    private Document raw(String id) {
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            return Mono.from(client.getDatabase(database).getCollection("petitions").find(new Document("_id", id)).first())
                    .block(Duration.ofSeconds(10));
        }
    }
}
