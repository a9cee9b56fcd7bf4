package org.xinfang.gateway;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The upstream of the gateway-overhead benchmark (bench/gateway-overhead.sh): answers every request with the same
 * small JSON document, as fast as reactor-netty can, so what the benchmark sees is the gateway's own cost.
 */
final class BenchmarkUpstream {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkUpstream.class);
    private static final byte[] PETITION = """
            {"id":"p-1","state":"ROUTED","district":"d-east","school":"s-east-01","channel":"VISIT","form":"GROUP",\
            "headcount":12,"subject":"CANTEEN","department":"logistics","level":"ELEVATED"}"""
            .getBytes(StandardCharsets.UTF_8);

    private BenchmarkUpstream() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .sendByteArray(Mono.just(PETITION)))
                .bindNow();
        log.info("benchmark upstream on port {}", server.port());
        server.onDispose().block();
    }
}
