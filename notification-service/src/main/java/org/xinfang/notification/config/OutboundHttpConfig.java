package org.xinfang.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** One non-blocking HTTP client, with its connection pool, for webhooks and the SMS gateway. */
@Configuration(proxyBeanMethods = false)
class OutboundHttpConfig {

    @Bean
    WebClient outboundClient() {
        return WebClient.builder().build();
    }
}
