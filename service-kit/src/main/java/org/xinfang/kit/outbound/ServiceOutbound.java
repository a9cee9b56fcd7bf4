package org.xinfang.kit.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link OutboundPolicy} of a service that sends requests to targets its users register. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundSettings.class)
public class ServiceOutbound {

    @Bean
    OutboundPolicy outboundPolicy(OutboundSettings settings) {
        return settings.policy();
    }
}
