package org.xinfang.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.xinfang.contracts.access.TokenClaims;

/**
 * {@code GET /bff/me}: who is signed in, from the claims of the person's ID token, so the console shows their name and
 * only the pages of their roles. No token is ever part of the answer. What each person may do is still decided by the
 * services, from the access token the gateway relays.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSession {

    @Bean
    RouterFunction<ServerResponse> signedInPerson() {
        return RouterFunctions.route().GET("/bff/me", request -> request.principal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> describe(((OAuth2AuthenticationToken) principal).getPrincipal()))
                .flatMap(person -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(person))
                .switchIfEmpty(ServerResponse.status(HttpStatus.UNAUTHORIZED).build())).build();
    }

    static Map<String, Object> describe(OAuth2User person) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("subject", person.getName());
        about.put("name", person.getAttributes().getOrDefault(TokenClaims.NAME, person.getName()));
        about.put("district", person.getAttributes().get(TokenClaims.DISTRICT));
        about.put("school", person.getAttributes().get(TokenClaims.SCHOOL));
        about.put("department", person.getAttributes().get(TokenClaims.DEPARTMENT));
        Object roles = person.getAttributes().get(TokenClaims.ROLES);
        about.put("roles", roles instanceof List<?> list ? list : List.of());
        return about;
    }
}
