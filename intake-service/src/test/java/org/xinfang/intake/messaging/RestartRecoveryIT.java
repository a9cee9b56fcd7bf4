package org.xinfang.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.intake.IntakeApplication;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service stops with an event unpublished (Kafka was down) and a new instance, started with Kafka back, resumes
 * the relay where the old one stopped: the event is published exactly once.
 */
class RestartRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRestartedServicePublishesWhatTheStoppedOneLeftBehind() throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        String database = "intake-restart-" + UUID.randomUUID().toString().substring(0, 8);
        String petitionId;

        ConfigurableApplicationContext first = start(infrastructure, database);
        infrastructure.stopKafka();
        try {
            petitionId = register(first);
            assertThat(pending(first)).isEqualTo(1);
        } finally {
            first.close();
            infrastructure.startKafka();
        }

        ConfigurableApplicationContext second = start(infrastructure, database);
        try {
            IntakeTestSupport.await("the new instance publishes the left-over event", Duration.ofSeconds(90),
                    () -> pending(second) == 0);
        } finally {
            second.close();
        }
        try (TopicTap tap = infrastructure.tap()) {
            String id = petitionId;
            assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(3)))
                    .hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(Infrastructure infrastructure, String database) {
        // Command-line arguments, as an operator would pass them: they override application.yml.
        return new SpringApplicationBuilder(IntakeApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrap(),
                "--spring.kafka.consumer.group-id=" + database,
                "--xinfang.mongo.uri=" + infrastructure.mongoUri(),
                "--xinfang.mongo.database=" + database,
                "--xinfang.intake.outbox.relay-interval=500ms",
                "--xinfang.intake.outbox.sweep-interval=2s",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIssuer.shared().jwkSetUri(),
                // A stopped broker must not hold the shutdown for long.
                "--spring.lifecycle.timeout-per-shutdown-phase=5s");
    }

    private static String register(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/petitions"))
                .header("Content-Type", "application/json")
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .POST(HttpRequest.BodyPublishers.ofString(IntakeTestSupport.GROUP_PETITION))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body()).get("id").asString();
    }

    private static long pending(ConfigurableApplicationContext context) {
        Long count = context.getBean(PetitionStore.class).countPending().block(Duration.ofSeconds(10));
        return count == null ? -1 : count;
    }
}
