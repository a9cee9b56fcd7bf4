package org.xinfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.InfrastructureExtension;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The infrastructure the services' tests rely on: a real broker with the registry's topics and a real wire server. */
@ExtendWith(InfrastructureExtension.class)
class InfrastructureIT {

    @Test
    void registryTopicsExistAndCarryEventsInOrderPerPetition(Infrastructure infrastructure) {
        String petitionId = "p-" + UUID.randomUUID();
        try (TopicTap tap = infrastructure.tap()) {
            for (int i = 0; i < 3; i++) {
                tap.publish(Topics.PETITION_RECEIVED, received(petitionId, "title " + i));
            }
            List<PetitionReceived> seen = tap.collect(Topics.PETITION_RECEIVED,
                    e -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(3));
            assertThat(seen).extracting(PetitionReceived::title).containsExactly("title 0", "title 1", "title 2");
        }
    }

    @Test
    void storeKeepsDocumentsAcrossARestart(Infrastructure infrastructure) {
        String id = UUID.randomUUID().toString();
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> things = client.getDatabase("infra_it").getCollection("things");
            Mono.from(things.insertOne(new Document("_id", id).append("name", "家长来访"))).block(Duration.ofSeconds(10));
        }
        if (!"external".equals(infrastructure.kind())) {
            infrastructure.stopMongo();
            infrastructure.startMongo();
        }
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> things = client.getDatabase("infra_it").getCollection("things");
            List<Document> found = Flux.from(things.find(new Document("_id", id))).collectList().block(Duration.ofSeconds(10));
            assertThat(found).singleElement().extracting(d -> d.getString("name")).isEqualTo("家长来访");
        }
    }

    @Test
    void brokerComesBackWithItsDataAfterARestart(Infrastructure infrastructure) {
        if ("external".equals(infrastructure.kind())) {
            return;
        }
        String petitionId = "p-" + UUID.randomUUID();
        try (TopicTap tap = infrastructure.tap()) {
            tap.publish(Topics.PETITION_RECEIVED, received(petitionId, "before restart"));
        }
        infrastructure.stopKafka();
        infrastructure.startKafka();
        try (TopicTap tap = infrastructure.tap()) {
            PetitionReceived again = tap.awaitOne(Topics.PETITION_RECEIVED,
                    e -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(20));
            assertThat(again.title()).isEqualTo("before restart");
        }
    }

    private static PetitionReceived received(String petitionId, String title) {
        Instant now = Instant.now();
        return new PetitionReceived(EventMeta.forPetition(PetitionReceived.class, "d-test", "s-test", petitionId, now),
                Channel.VISIT, Form.INDIVIDUAL, 1, false, true, List.of(), null, title, "描述", null, now, null);
    }
}
