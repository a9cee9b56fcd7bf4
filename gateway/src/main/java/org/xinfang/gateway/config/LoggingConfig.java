package org.xinfang.gateway.config;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the request id in the Reactor context reach the logging MDC where an operator restores thread locals
 * ({@code handle}, {@code tap}); propagation is limited to those (spring.reactor.context-propagation=limited), since
 * doing it around every operator was the largest cost of a request.
 */
@Configuration(proxyBeanMethods = false)
class LoggingConfig {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("requestId"));
    }
}
