package org.xinfang.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.core.publisher.Hooks;

/** District aggregates for the education bureau, folded from the pipeline's events; no petitioner identity. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

    public static void main(String[] args) {
        // Carries the request id from the Reactor context into the logging MDC on every thread hop.
        Hooks.enableAutomaticContextPropagation();
        SpringApplication.run(ReportingApplication.class, args);
    }
}
