package org.xinfang.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.xinfang.kit.messaging.ServiceMessaging;
import org.xinfang.kit.openapi.ServiceApiDocument;
import org.xinfang.kit.outbound.ServiceOutbound;
import org.xinfang.kit.security.ServiceSecurity;
import org.xinfang.kit.store.ServiceStore;
import org.xinfang.kit.web.HttpConventions;

/**
 * District aggregates for the education bureau, folded from the pipeline's events; no petitioner identity. The
 * plumbing it shares with every service comes from the kit, named here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({HttpConventions.class, ServiceSecurity.class, ServiceStore.class, ServiceMessaging.class,
        ServiceApiDocument.class, ServiceOutbound.class})
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
