package org.xinfang.kit.security;

import java.time.Clock;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/** The pieces of token checking the door and the services assemble the same way. */
public final class TokenVerification {

    private TokenVerification() {
    }

    /**
     * Boot's decoder (issuer, audience, lifetime, RS256 and {@link CallerClaimsValidator}) behind {@link VerifiedTokens},
     * so a token already verified is not verified again until it expires. A failure that is not the token's fault,
     * such as the issuer's key set being out of reach or not arriving in time, becomes an
     * {@link AuthenticationServiceException}, which {@link TokenAnswers} answers with 503.
     */
    public static ReactiveAuthenticationManager authenticationManager(ReactiveJwtDecoder decoder, Clock clock,
            int rememberedTokens) {
        ReactiveAuthenticationManager tokens = new JwtReactiveAuthenticationManager(
                new VerifiedTokens(decoder, clock, rememberedTokens));
        return authentication -> tokens.authenticate(authentication).onErrorMap(
                failure -> !(failure instanceof AuthenticationException),
                failure -> new AuthenticationServiceException("the token issuer's key set is not reachable", failure));
    }

    /**
     * What the door and every service configure alike on their chain: the bearer token read without a regular
     * expression and checked by {@link #authenticationManager}; 401, 403 and 503 answered as problems
     * ({@link TokenAnswers}); stateless (no session, no saved request, no CSRF token, no login form, no logout, no
     * basic authentication). Each adds what is its own: which paths are open, the gateway's rate limit and headers.
     */
    public static ServerHttpSecurity bearerTokensOnly(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            TokenAnswers answers, int rememberedTokens) {
        return http
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenReader())
                        .jwt(jwt -> jwt.authenticationManager(authenticationManager(decoder, Clock.systemUTC(),
                                rememberedTokens)))
                        .authenticationFailureHandler(answers.failureHandler())
                        .authenticationEntryPoint(answers.entryPoint())
                        .accessDeniedHandler(answers.accessDenied()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(answers.entryPoint())
                        .accessDeniedHandler(answers.accessDenied()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable);
    }

    /**
     * Spring Security's strict firewall, with its header rules checked without regular expressions ({@link HeaderText}):
     * it checks a header each time it is read, and the bearer token is read several times per request.
     */
    public static ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderText.NAME);
        firewall.setAllowedHeaderValues(HeaderText.VALUE);
        return firewall;
    }
}
