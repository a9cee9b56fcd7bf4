package org.xinfang.reporting.config;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the request id travel from the Reactor context into the logging MDC, so every log line of a request carries
 * it (see {@code logging.pattern.correlation}).
 */
@Configuration(proxyBeanMethods = false)
class RequestIdPropagation {

    static final String KEY = "requestId";

    RequestIdPropagation() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }
}
