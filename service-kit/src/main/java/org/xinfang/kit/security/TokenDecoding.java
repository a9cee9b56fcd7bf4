package org.xinfang.kit.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the token decoder is built, the same at the door and in every service. Boot builds it from
 * {@code spring.security.oauth2.resourceserver.jwt} (issuer, audience, timestamps, RS256) and adds the suite's
 * {@link TokenValidators}; only the client that fetches the issuer's key set is given here, with bounds: without them an issuer that accepts the connection and never answers would hold every request that needs the
 * keys. {@code XINFANG_TOKEN_ISSUER_CONNECT_TIMEOUT} and {@code XINFANG_TOKEN_ISSUER_RESPONSE_TIMEOUT}, 3 s each by
 * default. With a {@code jwk-set-uri} there is no discovery at start: a process starts while the issuer is away.
 */
@Configuration(proxyBeanMethods = false)
@Import(TokenValidators.class)
public class TokenDecoding {

    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedKeySetFetch(
            @Value("${xinfang.token-issuer.connect-timeout:3s}") Duration connectTimeout,
            @Value("${xinfang.token-issuer.response-timeout:3s}") Duration responseTimeout) {
        WebClient keySetClient = IssuerClient.bounded(connectTimeout, responseTimeout);
        return builder -> builder.webClient(keySetClient);
    }
}
