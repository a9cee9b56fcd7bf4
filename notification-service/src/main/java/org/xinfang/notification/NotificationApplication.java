package org.xinfang.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.xinfang.kit.messaging.ServiceMessaging;
import org.xinfang.kit.openapi.ServiceApiDocument;
import org.xinfang.kit.outbound.ServiceOutbound;
import org.xinfang.kit.security.ServiceSecurity;
import org.xinfang.kit.store.ServiceStore;
import org.xinfang.kit.web.HttpConventions;

/**
 * Turns routed petitions into the emergency plan's alerts and makes sure a person answers them. The plumbing it shares
 * with every service comes from the kit, named here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({HttpConventions.class, ServiceSecurity.class, ServiceStore.class, ServiceMessaging.class,
        ServiceApiDocument.class, ServiceOutbound.class})
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
