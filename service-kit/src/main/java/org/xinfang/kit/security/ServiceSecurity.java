package org.xinfang.kit.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.xinfang.kit.web.ProblemWriter;

/**
 * A service is an OAuth2 resource server on the same issuer and audience as the gateway: it trusts nothing the network
 * says, so every API request needs a valid bearer token again here, and handlers get its {@code Caller}
 * ({@link CallerArgument}). Who may do what is decided afterwards in the service's web layer (docs/access.md). Open
 * without a token: actuator and the OpenAPI document. Stateless: no session, no CSRF token, no login form, no default
 * user. The issuer is not needed to start; while it is out of reach or silent, a request answers 503, not 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import({TokenDecoding.class, CallerArgument.class})
public class ServiceSecurity {

    /** Distinct live tokens remembered as verified; far more than the callers of one school district at once. */
    static final int REMEMBERED_TOKENS = 10_000;

    @Bean
    SecurityWebFilterChain tokensRequired(ServerHttpSecurity http, ProblemWriter problems, ReactiveJwtDecoder decoder) {
        return TokenVerification.bearerTokensOnly(http, decoder, new TokenAnswers(problems), REMEMBERED_TOKENS)
                .authorizeExchange(rules -> rules
                        .pathMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    @Bean
    static ServerWebExchangeFirewall firewall() {
        return TokenVerification.firewall();
    }
}
