package org.xinfang.reporting.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service is an OAuth2 resource server on the same issuer and audience as the gateway: it trusts nothing the
 * network says, so every API request needs a valid bearer token again here. Who may do what is decided afterwards in
 * the web layer from the token's {@code Caller} (docs/access.md). Open without a token: actuator and the OpenAPI
 * document. Stateless: no session, no CSRF token, no login form, no default user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ResourceServerConfig {

    @Bean
    SecurityWebFilterChain tokensRequired(ServerHttpSecurity http, JsonMapper json) {
        return http
                .authorizeExchange(rules -> rules
                        .pathMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, failure) -> unauthorized(json, exchange, failure))
                        .accessDeniedHandler((exchange, denied) -> problem(json, exchange, HttpStatus.FORBIDDEN,
                                "This token does not allow this request.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, failure) -> unauthorized(json, exchange, failure))
                        .accessDeniedHandler((exchange, denied) -> problem(json, exchange, HttpStatus.FORBIDDEN,
                                "This token does not allow this request.")))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** 401 problem+json; {@code WWW-Authenticate} says why, as RFC 6750 asks. */
    private static Mono<Void> unauthorized(JsonMapper json, ServerWebExchange exchange, AuthenticationException failure) {
        String detail;
        String challenge;
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            detail = error.getDescription() != null ? error.getDescription() : "The bearer token is not valid.";
            challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + quotable(detail) + "\"";
        } else {
            detail = "A bearer token is required.";
            challenge = "Bearer";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problem(json, exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    private static Mono<Void> problem(JsonMapper json, ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    /** A header's quoted string may not hold quotes, backslashes or control characters. */
    private static String quotable(String text) {
        return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }
}
