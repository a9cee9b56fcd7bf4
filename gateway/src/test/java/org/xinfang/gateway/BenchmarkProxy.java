package org.xinfang.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * The floor of the gateway-overhead benchmark (bench/gateway-overhead.sh with BENCH_FLOOR=1): the plainest reverse
 * proxy on the server and client the gateway runs on (reactor-netty, pooled keep-alive connections to the upstream),
 * with no routing table, security, filters or metrics. What it costs over a direct call is what one more loopback hop
 * and a second HTTP parse cost on this machine; the gateway cannot cost less.
 */
final class BenchmarkProxy {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkProxy.class);

    private BenchmarkProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        HttpClient upstream = HttpClient.create().baseUrl(args[1]);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> upstream.headers(headers -> headers.add(request.requestHeaders()))
                        .request(request.method()).uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders()).send(body.retain()))
                        .then())
                .bindNow();
        log.info("benchmark proxy on port {} to {}", server.port(), args[1]);
        server.onDispose().block();
    }
}
