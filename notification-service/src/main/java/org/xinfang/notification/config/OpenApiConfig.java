package org.xinfang.notification.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.contracts.access.Caller;

/** The OpenAPI document at /v3/api-docs: one bearer scheme for every operation; the gateway aggregates it. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // The caller comes from the verified token, not from the request: it is no parameter of any operation.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI notificationApi() {
        return new OpenAPI()
                // Relative: the document is read through the gateway, and "try it out" must go back through it,
                // never to this service's own address, which callers cannot reach.
                .servers(List.of(new Server().url("/").description("the gateway that served this document")))
                .info(new Info().title("notification-service").version("v1")
                        .description("Alerts, acknowledgement, escalation, incidents and contacts of the school emergency plan"))
                .components(new Components().addSecuritySchemes("bearerAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }
}
