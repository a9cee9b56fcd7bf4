package org.xinfang.routing.config;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.springframework.context.annotation.Configuration;

/**
 * Copies the request id from the Reactor context into the logging MDC on whatever thread runs the request, so every
 * log line of a request carries it (spring.reactor.context-propagation=auto turns the propagation on).
 */
@Configuration(proxyBeanMethods = false)
class LoggingConfig {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("requestId"));
    }
}
