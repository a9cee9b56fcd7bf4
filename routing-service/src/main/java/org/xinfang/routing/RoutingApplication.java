package org.xinfang.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.xinfang.kit.messaging.ServiceMessaging;
import org.xinfang.kit.openapi.ServiceApiDocument;
import org.xinfang.kit.security.ServiceSecurity;
import org.xinfang.kit.store.ServiceStore;
import org.xinfang.kit.web.HttpConventions;

/**
 * Routing: decides for each received petition who handles it, how urgent it is and by when, with reasons. The
 * plumbing it shares with every service comes from the kit, named here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({HttpConventions.class, ServiceSecurity.class, ServiceStore.class, ServiceMessaging.class,
        ServiceApiDocument.class})
public class RoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingApplication.class, args);
    }
}
