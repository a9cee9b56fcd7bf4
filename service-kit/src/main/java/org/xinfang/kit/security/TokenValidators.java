package org.xinfang.kit.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checks the suite adds to Boot's (issuer, audience, signature, timestamps): the token says who the caller is
 * ({@link CallerClaimsValidator}) and when it expires, not too far ahead ({@link TokenLifetimeValidator}). Boot adds
 * every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it builds.
 */
@Configuration(proxyBeanMethods = false)
public class TokenValidators {

    @Bean
    CallerClaimsValidator callerClaimsValidator() {
        return new CallerClaimsValidator();
    }

    @Bean
    TokenLifetimeValidator tokenLifetimeValidator(@Value("${xinfang.token.max-lifetime:1h}") Duration maxLifetime) {
        return new TokenLifetimeValidator(maxLifetime, Clock.systemUTC());
    }
}
