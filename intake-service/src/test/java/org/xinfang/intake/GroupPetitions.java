package org.xinfang.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/**
 * The group petition of {@link IntakeTestSupport#GROUP_PETITION} as the integration tests bring it about: registered by
 * the main school's clerk, and routed to {@link IntakeTestSupport#DEPARTMENT} by a routing decision on the broker.
 */
public final class GroupPetitions {

    private GroupPetitions() {
    }

    /** Registers it as the clerk (201) and gives its id. */
    public static String register(WebTestClient http) {
        JsonNode body = http.post().uri("/api/v1/petitions")
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("id").asString();
    }

    /** Registers it, publishes routing's decision (hygiene, elevated) and waits until intake shows it ROUTED. */
    public static String routed(WebTestClient http, TopicTap tap, List<String> coDepartments) {
        String id = register(http);
        tap.publish(Topics.PETITION_ROUTED, new PetitionRouted(
                EventMeta.forPetition(PetitionRouted.class, IntakeTestSupport.DISTRICT, IntakeTestSupport.SCHOOL, id,
                        Instant.now()),
                "received-" + id, Subject.HYGIENE, IntakeTestSupport.DEPARTMENT, coDepartments, EmergencyLevel.ELEVATED,
                List.of(), "test", new Deadlines(Instant.now().plus(Duration.ofDays(15)), 60, 30)));
        IntakeTestSupport.await("routed", Duration.ofSeconds(20), () -> "ROUTED".equals(
                http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                        .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("state").asString()));
        return id;
    }
}
