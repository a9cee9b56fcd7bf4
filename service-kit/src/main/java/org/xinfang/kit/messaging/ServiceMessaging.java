package org.xinfang.kit.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A service's Kafka plumbing: its producers held to {@link ProducerReliability}, one way to retry a record whose
 * effect could not be stored, {@link DeadLetters} for records that can never be read, and
 * {@link BrokerUnavailableAdvice} (a request whose event the broker did not take is a 503, not a 500). The producer and consumer
 * settings particular to a service (serializers, batching, concurrency, ack mode) stay in its application.yml, where a
 * reader sees them.
 */
@Configuration(proxyBeanMethods = false)
@Import(BrokerUnavailableAdvice.class)
public class ServiceMessaging {

    @Bean
    DefaultKafkaProducerFactoryCustomizer reliableProducers() {
        return factory -> {
            Map<String, Object> configuration = new HashMap<>(factory.getConfigurationProperties());
            factory.updateConfigs(ProducerReliability.applyTo(configuration));
        };
    }

    /**
     * Unreadable records never reach this handler (listeners dead-letter them), so a failure here means the store or
     * the broker is away: retry the same record or batch with backoff (200 ms doubling to 10 s), without end, rather
     * than skip a petition. Offsets are not committed meanwhile, so a restart retries them too; effects already stored
     * are found again by their event id, not made twice.
     */
    @Bean
    CommonErrorHandler retryUntilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    /** On a producer of their own (bytes as read), created at the first letter: a healthy service never needs it. */
    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(KafkaProperties kafka, @Value("${spring.application.name}") String service) {
        Map<String, Object> configuration = ProducerReliability.applyTo(new HashMap<>(kafka.buildProducerProperties()));
        configuration.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        configuration.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configuration.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        configuration.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(configuration);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producers);
        return new DeadLetters(service, template::send, producers::destroy, Clock.systemUTC());
    }
}
