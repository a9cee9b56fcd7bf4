package org.xinfang.kit.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.InvalidTokenClaimsException;

/**
 * Refuses a well-signed token that does not say who the caller is (no district, a school role without a school, mixed
 * roles …) with 401. Boot 4 adds every {@code OAuth2TokenValidator<Jwt>} bean to the auto-configured decoder, after
 * its issuer, audience and lifetime checks.
 */
public final class CallerClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        try {
            Caller.fromClaims(token.getClaims());
            return OAuth2TokenValidatorResult.success();
        } catch (InvalidTokenClaimsException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, e.getMessage(), null));
        }
    }
}
