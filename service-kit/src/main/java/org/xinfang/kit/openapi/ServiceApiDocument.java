package org.xinfang.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.contracts.access.Caller;

/**
 * A service's OpenAPI document at /v3/api-docs, which the gateway serves to callers: titled with the service's name
 * ({@code spring.application.name}) and described by {@code xinfang.api.description}, with one bearer scheme for
 * every operation.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceApiDocument {

    static {
        // The caller comes from the verified token, not from the request: it is no parameter of any operation.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI serviceApi(@Value("${spring.application.name}") String service,
            @Value("${xinfang.api.description:}") String description) {
        return new OpenAPI()
                // Relative: the document is read through the gateway, and "try it out" must go back through it,
                // never to the service's own address, which callers cannot reach.
                .servers(List.of(new Server().url("/").description("the gateway that served this document")))
                .info(new Info().title(service).version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearerAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }
}
