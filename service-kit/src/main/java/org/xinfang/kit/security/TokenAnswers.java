package org.xinfang.kit.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.xinfang.kit.web.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * How the door and every service answer a request whose token is missing, refused or cannot be checked, all as
 * problem documents: 401 with {@code WWW-Authenticate} saying why (RFC 6750); 403 for a token that does not allow the
 * request; 503 with {@code Retry-After} when the issuer's key set is out of reach, which says nothing against the token.
 */
public final class TokenAnswers {

    private static final Logger log = LoggerFactory.getLogger(TokenAnswers.class);

    private final ProblemWriter problems;

    public TokenAnswers(ProblemWriter problems) {
        this.problems = problems;
    }

    public ServerAuthenticationEntryPoint entryPoint() {
        return this::unauthorized;
    }

    /** 503 when the check itself failed ({@link TokenVerification} marks that case), else 401. */
    public ServerAuthenticationFailureHandler failureHandler() {
        return (filterExchange, failure) -> failure instanceof AuthenticationServiceException
                ? issuerUnreachable(filterExchange.getExchange(), failure)
                : unauthorized(filterExchange.getExchange(), failure);
    }

    public ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "This token does not allow this request.");
    }

    private Mono<Void> issuerUnreachable(ServerWebExchange exchange, AuthenticationException failure) {
        log.warn("answering 503: the token could not be checked: {}", failure.getCause() == null ? failure.getMessage()
                : failure.getCause().toString());
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The token's issuer cannot be reached to check it. Retry after " + ProblemWriter.RETRY_AFTER_SECONDS
                        + " s.");
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
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
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    /** A header's quoted string may not hold quotes, backslashes or control characters. */
    static String quotable(String text) {
        return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }
}
