package org.xinfang.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsUtils;
import org.xinfang.gateway.config.RateLimitSettings;
import org.xinfang.kit.security.TokenAnswers;
import org.xinfang.kit.security.TokenVerification;
import org.xinfang.kit.web.ProblemWriter;

/**
 * The door: every request needs a valid bearer token (RS256 from the configured issuer's key set, audience
 * {@code xinfang-api}, in its lifetime, with tenant claims a {@code Caller} can be built from) before it is routed.
 * The token is relayed to the service unchanged; the service verifies it again and applies the access matrix.
 *
 * <p>Open without a token: health and metrics (actuator), the OpenAPI documents and their UI, the public door, and
 * CORS preflights (a browser sends those without credentials). The actuator answers on its own management port only;
 * this chain guards that port too, so its paths are open here for probes and scrapes, and on the public port the same
 * paths lead nowhere (404). Stateless: no session, no CSRF token, no login form, no default user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class TokenGate {

    /** About 3 KB each: a few megabytes at most. */
    static final int REMEMBERED_TOKENS = 2_000;

    static final String[] OPEN_PATHS = {"/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
        "/swagger-ui/**", "/webjars/**",
        // The public door: no account, so no token; intake guards it with its challenge, codes and counters.
        "/public/v1/**"};

    @Bean
    SecurityWebFilterChain door(ServerHttpSecurity http, ProblemWriter problems, RateLimitSettings rateLimit,
            ReactiveJwtDecoder decoder) {
        ServerWebExchangeMatcher preflight = exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest())
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        return TokenVerification.bearerTokensOnly(http, decoder, new TokenAnswers(problems), REMEMBERED_TOKENS)
                .authorizeExchange(rules -> rules
                        .matchers(preflight).permitAll()
                        .pathMatchers(OPEN_PATHS).permitAll()
                        .anyExchange().authenticated())
                // The client is known only once its token is verified: the limit runs right after authentication.
                .addFilterAfter(new RateLimitFilter(rateLimit, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                // SecurityHeadersFilter writes the security headers on every response, the gateway's own and the services'.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .build();
    }

    /** Spring Security's strict firewall, its header rules checked without regular expressions. */
    @Bean
    static ServerWebExchangeFirewall firewall() {
        return TokenVerification.firewall();
    }

    /**
     * No observations of the security chain: timing each of its filters, the authentication and the authorization
     * cost more than the rest of the door, and every request is already timed (http.server.requests, and per route
     * spring.cloud.gateway.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
