package org.xinfang.gateway.web;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.xinfang.gateway.config.RateLimitSettings;
import reactor.core.publisher.Mono;

/**
 * The door: every request needs a valid bearer token (RS256 from the configured issuer's key set, audience
 * {@code xinfang-api}, in its lifetime, with tenant claims a {@code Caller} can be built from) before it is routed.
 * The token is relayed to the service unchanged; the service verifies it again and applies the access matrix.
 *
 * <p>Open without a token: health and metrics (actuator), the OpenAPI documents and their UI, and CORS preflights
 * (a browser sends those without credentials). Stateless: no session, no CSRF token, no login form, no default user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class TokenGate {

    /** About 3 KB each: a few megabytes at most. */
    static final int REMEMBERED_TOKENS = 2_000;

    static final String[] OPEN_PATHS = {"/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
        "/swagger-ui/**", "/webjars/**"};

    @Bean
    SecurityWebFilterChain door(ServerHttpSecurity http, ProblemWriter problems, RateLimitSettings rateLimit,
            ReactiveJwtDecoder decoder) {
        ServerWebExchangeMatcher preflight = exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest())
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        return http
                .authorizeExchange(rules -> rules
                        .matchers(preflight).permitAll()
                        .pathMatchers(OPEN_PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenReader())
                        .jwt(jwt -> jwt.authenticationManager(checkedWith(decoder)))
                        .authenticationEntryPoint((exchange, failure) -> unauthorized(problems, exchange, failure))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "This token does not allow this request.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, failure) -> unauthorized(problems, exchange, failure)))
                // The client is known only once its token is verified: the limit runs right after authentication.
                .addFilterAfter(new RateLimitFilter(rateLimit, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // SecurityHeadersFilter writes the security headers on every response, the gateway's own and the services'.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .build();
    }

    /**
     * Spring Security's strict firewall, with its header rules checked without regular expressions ({@link HeaderText}):
     * it checks a header each time it is read, and the bearer token is read several times per request.
     */
    @Bean
    static ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderText.NAME);
        firewall.setAllowedHeaderValues(HeaderText.VALUE);
        return firewall;
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

    /**
     * Boot's decoder (issuer, audience, lifetime, RS256 and {@code CallerClaimsValidator}), remembering the tokens it
     * verified until they expire ({@link RememberedTokens}); a failure to fetch the issuer's key set becomes an
     * {@link AuthenticationServiceException}, which the error handler answers with 503 (the token may be good).
     */
    private static ReactiveAuthenticationManager checkedWith(ReactiveJwtDecoder decoder) {
        ReactiveAuthenticationManager tokens = new JwtReactiveAuthenticationManager(
                new RememberedTokens(decoder, Clock.systemUTC(), REMEMBERED_TOKENS));
        return authentication -> tokens.authenticate(authentication).onErrorMap(
                failure -> !(failure instanceof AuthenticationException),
                failure -> new AuthenticationServiceException("the token issuer's key set is not reachable", failure));
    }

    /** 401 problem+json; {@code WWW-Authenticate} says why, as RFC 6750 asks. */
    private static Mono<Void> unauthorized(ProblemWriter problems, ServerWebExchange exchange,
            AuthenticationException failure) {
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
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail, Map.of());
    }

    /** A header's quoted string may not hold quotes, backslashes or control characters. */
    private static String quotable(String text) {
        return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }
}
