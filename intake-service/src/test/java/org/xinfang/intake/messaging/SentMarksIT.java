package org.xinfang.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.PetitionChange;
import org.xinfang.intake.domain.Petitioner;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.localstack.testing.Infrastructure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marks that arrive together are written together, and every one of them takes its entry out of its petition's
 * outbox into its sent events, once, however often it is repeated.
 */
@IntakeServiceTest
class SentMarksIT {

    private static final int PETITIONS = 100;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, SentMarksIT.class);
    }

    @Autowired
    SentMarks marks;

    @Autowired
    PetitionStore store;

    @Autowired
    MeterRegistry meters;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void marksArrivingTogetherAreWrittenInFewWritesAndEachEntryLeavesItsOutboxOnce() {
        List<PetitionChange> written = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < PETITIONS; i++) {
            PetitionChange change = Petition.register(UUID.randomUUID().toString(), IntakeTestSupport.DISTRICT,
                    IntakeTestSupport.SCHOOL, registration(i), new Actor("clerk-1", "Clerk One", Role.CLERK, null), now);
            // A long lease keeps the relay away: only the marks below may touch these outboxes.
            store.insert(change, null, now, Duration.ofMinutes(10)).block(WAIT);
            written.add(change);
        }
        double writesBefore = writes();

        Flux.fromIterable(written).flatMap(this::mark, PETITIONS).then().block(WAIT);

        assertThat(writes() - writesBefore).as("bulk writes for %d marks", PETITIONS).isBetween(1.0, 10.0);
        Flux.fromIterable(written).flatMap(this::mark, PETITIONS).then().block(WAIT);
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            for (PetitionChange change : written) {
                Document stored = Mono.from(client.getDatabase(database).getCollection("petitions")
                        .find(new Document("_id", change.after().id())).first()).block(WAIT);
                assertThat(stored.getList("outbox", Document.class)).isEmpty();
                assertThat(stored.getList("sentEvents", String.class))
                        .containsExactly(change.events().get(0).meta().eventId());
            }
        }
    }

    private Mono<Void> mark(PetitionChange change) {
        return marks.mark(change.after().id(), change.events().get(0).meta().eventId());
    }

    private double writes() {
        return meters.get("intake.outbox.mark.writes").counter().count();
    }

    private static Registration registration(int i) {
        return new Registration(Channel.LETTER, Form.INDIVIDUAL, 1, false, false,
                List.of(new Petitioner("赵某", null, null, null, Relation.PARENT)), null, "来信 " + i, "反映收费问题。",
                null, null, Set.of());
    }
}
