package org.xinfang.kit.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.xinfang.contracts.access.Caller;
import reactor.core.publisher.Mono;

/**
 * Gives a handler the {@link Caller} of the verified token: tenancy and actor come from its claims only, never from a
 * header, a path or a body. The token was checked (signature, issuer, audience, lifetime, claims) before the handler runs.
 */
public class CallerArgument implements WebFluxConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .filter(Jwt.class::isInstance)
                .map(jwt -> (Object) Caller.fromClaims(((Jwt) jwt).getClaims()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no verified token on an API request")));
    }
}
