package org.xinfang.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.xinfang.kit.security.TokenDecoding;
import org.xinfang.kit.web.HttpConventions;

/**
 * The only door into the suite: routes /api/v1/** to the services and answers for them when they cannot. From the kit
 * it takes the HTTP conventions (request ids, problem documents) and the bounded fetch of the issuer's key set; its
 * own token check ({@code TokenGate}) is assembled from the kit's security parts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({HttpConventions.class, TokenDecoding.class})
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
