package org.xinfang.intake.config;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
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
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service is an OAuth2 resource server on the same issuer and audience as the gateway: it trusts nothing the
 * network says, so every API request needs a valid bearer token again here. Who may do what is decided afterwards in
 * the web layer from the token's {@code Caller} (docs/access.md). Open without a token: actuator and the OpenAPI
 * document. Stateless: no session, no CSRF token, no login form, no default user. The issuer is not needed to start:
 * its key set is fetched with the first token, and while it is out of reach or silent a request answers 503, not 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ResourceServerConfig {

    private static final Logger log = LoggerFactory.getLogger(ResourceServerConfig.class);

    /** Tells a caller to retry when the issuer's key set cannot be fetched: the token may well be good. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Distinct live tokens remembered as verified; far more than the callers of one school district at once. */
    static final int REMEMBERED_TOKENS = 10_000;

    @Bean
    SecurityWebFilterChain tokensRequired(ServerHttpSecurity http, JsonMapper json, ReactiveJwtDecoder decoder,
                                          Clock clock) {
        return http
                .authorizeExchange(rules -> rules
                        .pathMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenReader())
                        .jwt(jwt -> jwt.authenticationManager(
                                checkedWith(new VerifiedTokens(decoder, clock, REMEMBERED_TOKENS))))
                        .authenticationFailureHandler((filterExchange, failure) ->
                                failure instanceof AuthenticationServiceException
                                        ? issuerUnreachable(json, filterExchange.getExchange(), failure)
                                        : unauthorized(json, filterExchange.getExchange(), failure))
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

    /** Spring Security's strict firewall, with its header-value rule decided without a regular expression. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(HeaderValueRule::allowed);
        return firewall;
    }

    /**
     * Boot builds the decoder (issuer, audience, lifetime, RS256 and {@link CallerClaimsValidator}); only the client
     * that fetches the issuer's key set is given here, with bounds: without them a stalled issuer would hold every
     * request that needs the keys for ever. Set with {@code XINFANG_TOKEN_ISSUER_CONNECT_TIMEOUT} and
     * {@code XINFANG_TOKEN_ISSUER_RESPONSE_TIMEOUT} (3 s each by default).
     */
    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedKeySetFetch(
            @Value("${xinfang.token-issuer.connect-timeout:3s}") Duration connectTimeout,
            @Value("${xinfang.token-issuer.response-timeout:3s}") Duration responseTimeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        WebClient keySetClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return builder -> builder.webClient(keySetClient);
    }

    /**
     * Boot's decoder behind {@link VerifiedTokens}, so a token already verified is not verified again until it
     * expires; a failure that is not the token's fault, such as the issuer's key set being out of reach or not
     * arriving in time, becomes an {@link AuthenticationServiceException}.
     */
    private static ReactiveAuthenticationManager checkedWith(ReactiveJwtDecoder decoder) {
        ReactiveAuthenticationManager tokens = new JwtReactiveAuthenticationManager(decoder);
        return authentication -> tokens.authenticate(authentication).onErrorMap(
                failure -> !(failure instanceof AuthenticationException),
                failure -> new AuthenticationServiceException("the token issuer's key set is not reachable", failure));
    }

    /** 503 problem+json with Retry-After: the token could not be checked, which says nothing against it. */
    private static Mono<Void> issuerUnreachable(JsonMapper json, ServerWebExchange exchange, AuthenticationException failure) {
        log.warn("answering 503: the token could not be checked: {}", failure.getCause() == null ? failure.getMessage()
                : failure.getCause().toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problem(json, exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The token's issuer cannot be reached to check it. Retry after " + RETRY_AFTER_SECONDS + " s.");
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
