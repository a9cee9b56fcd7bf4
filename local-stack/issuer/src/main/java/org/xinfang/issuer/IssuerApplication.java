package org.xinfang.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's OAuth2 issuer: mints access tokens for the demo clients of {@code demo-clients.yml} with the
 * tenant claims every service reads. Local only: production points the suite at Keycloak or any OIDC issuer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerApplication.class, args);
    }
}
