package org.xinfang.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.xinfang.kit.outbound.OutboundHttp;
import org.xinfang.kit.outbound.OutboundPolicy;

/**
 * Non-blocking HTTP clients, each with its connection pool: one for the SMS gateway, which operators configure, and
 * one for webhooks, which administrators register, whose every connection is checked against the outbound policy.
 */
@Configuration(proxyBeanMethods = false)
class OutboundHttpConfig {

    @Bean
    @Primary
    WebClient outboundClient() {
        return WebClient.builder().build();
    }

    @Bean
    WebClient webhookClient(OutboundPolicy policy) {
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(OutboundHttp.client(policy))).build();
    }
}
