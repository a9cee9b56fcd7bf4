package org.xinfang.reporting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.xinfang.kit.messaging.DeadLetters;
import org.xinfang.kit.outbound.OutboundHttp;
import org.xinfang.kit.outbound.OutboundPolicy;
import org.xinfang.reporting.config.DigestProperties;
import org.xinfang.reporting.config.ReportingProperties;
import org.xinfang.reporting.domain.DigestCalendar;
import org.xinfang.reporting.persistence.DigestClaims;
import org.xinfang.reporting.persistence.ReportReader;
import org.xinfang.reporting.domain.OutcomeRules;
import org.springframework.web.reactive.function.client.WebClient;
import org.xinfang.reporting.persistence.Generation;
import org.xinfang.reporting.persistence.WebhookStore;

/** The folding loop, the rebuild, and what they publish to. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The live loop and a rebuild never fold at the same time. */
    private final ReentrantLock foldLock = new ReentrantLock();

    @Bean
    DistrictUpdates districtUpdates() {
        return new DistrictUpdates();
    }

    /**
     * Where and how reporting's own Kafka clients connect: the bootstrap servers and spring.kafka's security settings
     * (TLS and SCRAM in the cluster, nothing locally), so that they connect as Spring's clients and the dead letters do.
     */
    static Map<String, Object> connection(KafkaProperties kafka) {
        Map<String, Object> connection = new HashMap<>();
        kafka.buildAdminProperties().forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                connection.put(key, value);
            }
        });
        return Map.copyOf(connection);
    }

    @Bean(destroyMethod = "close")
    ReportPublisher reportPublisher(KafkaProperties kafka, DeadLetters deadLetters) {
        return new ReportPublisher(connection(kafka), deadLetters);
    }

    @Bean
    WebhookStore webhookStore(MongoDatabase database) {
        return new WebhookStore(database);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(Clock clock, WebhookStore store, MeterRegistry meters, OutboundPolicy outbound,
                                        @Value("${xinfang.reporting.webhook-attempts:5}") int attempts,
                                        @Value("${xinfang.reporting.webhook-first-backoff:500ms}") Duration firstBackoff) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                WebClient.builder().clientConnector(new ReactorClientHttpConnector(OutboundHttp.client(outbound))).build(),
                clock, attempts, firstBackoff, meters);
        dispatcher.load(store.all().block());
        return dispatcher;
    }

    @Bean
    EventFolder eventFolder(OutcomeRules rules, @Value("${xinfang.reporting.outcome-cache-size:200000}") int cacheSize) {
        return new EventFolder(rules, cacheSize);
    }

    @Bean
    FoldingLoop foldingLoop(KafkaProperties kafka, ReportingProperties properties,
                            EventFolder folder, Generation generation, ReportPublisher publisher,
                            DistrictUpdates updates, WebhookDispatcher webhooks, Clock clock, MeterRegistry meters) {
        return new FoldingLoop(connection(kafka), properties.consumerGroup(), properties.offsetReset(), properties.maxPollRecords(), folder, generation,
                publisher, updates, webhooks, foldLock, clock, meters);
    }

    @Bean
    Rebuilder rebuilder(KafkaProperties kafka, ReportingProperties properties,
                        EventFolder folder, Generation generation) {
        return new Rebuilder(connection(kafka), properties.maxPollRecords(), folder, generation, foldLock);
    }

    @Bean
    DigestClaims digestClaims(MongoDatabase database) {
        return new DigestClaims(database);
    }

    @Bean
    DigestScheduler digestScheduler(DigestProperties digest, ReportingProperties properties, ReportReader reader,
                                    DigestClaims claims, ReportPublisher publisher, Clock clock) {
        DigestCalendar calendar = new DigestCalendar(properties.zone(), digest.settle(), digest.lookbackDays(),
                digest.lookbackWeeks());
        // An empty DIGEST_DISTRICTS binds as one blank name: only real names count.
        java.util.Set<String> districts = digest.districts().stream().filter(d -> !d.isBlank())
                .collect(java.util.stream.Collectors.toSet());
        return new DigestScheduler(calendar, reader, claims, publisher::publishDigest, clock, districts,
                digest.staleAfter(), digest.checkEvery(), "reporting-" + java.util.UUID.randomUUID(), digest.enabled());
    }

    /** Part of readiness: figures are only worth serving while events are being folded. */
    @Bean
    HealthIndicator folding(FoldingLoop loop) {
        return () -> loop.healthy() ? Health.up().build() : Health.down().withDetail("folding", "stalled").build();
    }
}
