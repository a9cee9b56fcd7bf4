package org.xinfang.intake;

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
 * Intake: owns the petition record from registration at the school until it is closed. The plumbing it shares with
 * every service comes from the kit, named here: request ids and problem answers, token checks, the store client, the
 * Kafka plumbing and the API document.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({HttpConventions.class, ServiceSecurity.class, ServiceStore.class, ServiceMessaging.class,
        ServiceApiDocument.class})
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
