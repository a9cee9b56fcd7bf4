package org.xinfang.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;

/**
 * While the store is away: requests get 503 (never a 500), readiness says DOWN, and a petition received meanwhile is
 * routed once the store is back, not lost and not skipped.
 */
@RoutingServiceTest
class StoreOutageIT {

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient web;

    @Test
    void aStoreOutageIsReportedAndRoutingResumesAfterIt() {
        Infrastructure infrastructure = Infrastructure.shared();
        PetitionReceived received = Petitions.received(Form.GROUP, 6, "家长反映校车超载", "六名家长反映接送学生的校车严重超载。");
        infrastructure.stopMongo();
        try {
            tap.publish(Topics.PETITION_RECEIVED, received);
            web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                    .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists("Retry-After");
            web.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.store.status").isEqualTo("DOWN");
        } finally {
            infrastructure.startMongo();
        }
        PetitionRouted routed = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), Duration.ofSeconds(90));
        assertThat(routed.department()).isEqualTo("YOUNG_PIONEERS");
        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("TRAFFIC_SAFETY");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
