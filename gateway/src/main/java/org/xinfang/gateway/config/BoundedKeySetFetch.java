package org.xinfang.gateway.config;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Boot builds the gateway's token decoder (issuer, audience, lifetime, RS256, {@link CallerClaimsValidator}); only the
 * client that fetches the issuer's key set is given here, with bounds: without them an issuer that accepts the
 * connection and never answers would hold every request that needs the keys, at the one door of the suite. Set with
 * {@code XINFANG_TOKEN_ISSUER_CONNECT_TIMEOUT} and {@code XINFANG_TOKEN_ISSUER_RESPONSE_TIMEOUT} (3 s each by default),
 * as in every service.
 */
@Configuration(proxyBeanMethods = false)
class BoundedKeySetFetch {

    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer keySetClientWithTimeouts(
            @Value("${xinfang.token-issuer.connect-timeout:3s}") Duration connectTimeout,
            @Value("${xinfang.token-issuer.response-timeout:3s}") Duration responseTimeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        WebClient keySetClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return builder -> builder.webClient(keySetClient);
    }
}
