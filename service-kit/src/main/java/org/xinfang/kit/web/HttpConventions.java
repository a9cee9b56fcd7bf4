package org.xinfang.kit.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's HTTP conventions, the same in the gateway and every service: {@code X-Request-Id} on every request,
 * response and log line ({@link RequestIdFilter}), and every error as one shape of {@code application/problem+json}
 * ({@link ProblemAdvice} for handlers, {@link ProblemWriter} for filters and the security chain), and kept-alive
 * connections that keep reading ({@link KeptAliveReading}).
 */
@Configuration(proxyBeanMethods = false)
public class HttpConventions {

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    NettyServerCustomizer keptAliveReading() {
        return KeptAliveReading.customizer();
    }

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }
}
