package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.TestPropertySource;
import org.xinfang.localstack.testing.TestIssuer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The console's scripts and styles as a browser fetches them: many at once over six connections, gzipped or not, each
 * answer is the whole file, and only a browser that asks gets it gzipped. A page whose script does not come stays
 * empty below its header.
 */
@TestPropertySource(properties = "xinfang.gateway.rate-limit.burst=1000")
class ConsoleFilesIT extends GatewayBeforeFakeService {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final PathMatchingResourcePatternResolver FILES = new PathMatchingResourcePatternResolver();

    @LocalServerPort
    int port;

    record Answer(String name, boolean gzipped, String encoding, byte[] body) { }

    @Test
    void everyFileComesWholeWhenABrowserAsksForManyAtOnce() throws IOException {
        List<String> assets = Arrays.stream(FILES.getResources("classpath*:xinfang-console/assets/*"))
                .map(Resource::getFilename).toList();
        assertThat(assets).anyMatch(name -> name.endsWith(".js")).anyMatch(name -> name.endsWith(".css"));

        HttpClient browser = HttpClient.create().baseUrl("http://localhost:" + port);
        List<Answer> answers = Flux.fromIterable(assets).repeat(1)
                .flatMap(name -> Flux.just(true, false).flatMap(gzip -> fetch(browser, name, gzip)), 6)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(answers).hasSize(assets.size() * 4);
        for (Answer answer : answers) {
            byte[] file = file(answer.name());
            if (answer.gzipped()) {
                assertThat(answer.encoding()).as(answer.name()).isIn("gzip", null);
            } else {
                assertThat(answer.encoding()).as(answer.name()).isNull();
            }
            byte[] body = "gzip".equals(answer.encoding()) ? gunzip(answer.body()) : answer.body();
            assertThat(body).as(answer.name()).isEqualTo(file);
        }
        assertThat(answers).filteredOn(a -> a.name().endsWith(".js") && a.gzipped())
                .allMatch(a -> "gzip".equals(a.encoding()) && a.body().length < file(a.name()).length);
    }

    private static Mono<Answer> fetch(HttpClient browser, String name, boolean gzip) {
        return browser.headers(h -> {
                    if (gzip) {
                        h.set("Accept-Encoding", "gzip, deflate, br");
                    }
                })
                .get().uri("/console/assets/" + name)
                .responseSingle((response, body) -> {
                    assertThat(response.status().code()).as(name).isEqualTo(200);
                    String encoding = response.responseHeaders().get("Content-Encoding");
                    return body.asByteArray().map(bytes -> new Answer(name, gzip, encoding, bytes));
                });
    }

    private static byte[] file(String name) {
        try (InputStream in = FILES.getResource("classpath:xinfang-console/assets/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
