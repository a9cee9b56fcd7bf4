package org.xinfang.kit.security;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client for calls to the token issuer (its key set, its token endpoint), bounded in time: without bounds an
 * issuer that accepts a connection and never answers holds every request, and every sign-in, that waits on it.
 * Idle connections are let go after {@link #IDLE}, before a servlet issuer's own keep-alive timeout (20 to 60 s) can
 * close one under a request that is just going out on it.
 */
public final class IssuerClient {

    static final Duration IDLE = Duration.ofSeconds(15);

    private IssuerClient() {
    }

    public static WebClient bounded(Duration connectTimeout, Duration responseTimeout) {
        ConnectionProvider pool = ConnectionProvider.builder("token-issuer")
                .maxIdleTime(IDLE)
                .evictInBackground(IDLE)
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }
}
