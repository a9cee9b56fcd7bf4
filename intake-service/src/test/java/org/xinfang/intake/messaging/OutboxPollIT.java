package org.xinfang.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.intake.GroupPetitions;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.localstack.testing.Infrastructure;
import reactor.core.publisher.Mono;

/**
 * The relay's poll reads the {@code outbox-due} index range, so its cost is what is unsent, not the whole history:
 * once a petition's events are sent it carries no lease and falls out of that range, while one still unsent stays in.
 */
@IntakeServiceTest
class OutboxPollIT {

    @Autowired
    WebTestClient http;

    @Autowired
    PetitionStore store;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void sentPetitionsLeaveThePollsIndexRange() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(register());
        }
        IntakeTestSupport.await("every registration published and marked sent", Duration.ofSeconds(60),
                () -> store.countPending().block(Duration.ofSeconds(5)) == 0);

        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            var petitions = client.getDatabase(database).getCollection("petitions");
            for (String id : ids) {
                Document stored = Mono.from(petitions.find(new Document("_id", id)).first()).block(Duration.ofSeconds(5));
                assertThat(stored.getList("outbox", Document.class)).as("petition %s sent", id).isEmpty();
                assertThat(stored.containsKey("outboxLeaseUntil")).as("petition %s keeps no lease once sent", id).isFalse();
            }
            // Everything a poll at any moment could read through the index: nothing, as nothing is unsent.
            Document anyLease = new Document("outboxLeaseUntil", new Document("$gte", Date.from(Instant.EPOCH)));
            assertThat(Mono.from(petitions.countDocuments(anyLease)).block(Duration.ofSeconds(5))).isZero();
            assertThat(store.claimDue(Instant.now().plus(Duration.ofDays(1)), Duration.ofSeconds(30))
                    .blockOptional(Duration.ofSeconds(5))).as("nothing due").isEmpty();
        }
    }

    private String register() {
        return GroupPetitions.register(http);
    }
}
