package org.xinfang.gateway.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The console's files, built by the {@code console} module into {@code xinfang-console/} on the gateway's class path,
 * served on the gateway's own origin so the session cookie and the API share it. Hashed assets are cached for a year;
 * any other path under {@code /console/} is a page of the single-page console and gets its {@code index.html}.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    static final String FILES = "xinfang-console/";
    private static final String INDEX = "index.html";
    private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);

    @Bean
    RouterFunction<ServerResponse> consoleFiles() {
        ConsoleFiles files = ConsoleFiles.load(FILES);
        log.info("console: {} files in memory", files.size());
        return RouterFunctions.route()
                .GET("/", request -> home())
                .GET("/console", request -> home())
                .GET("/console/**", request -> serve(request, files))
                .build();
    }

    private static Mono<ServerResponse> home() {
        return ServerResponse.temporaryRedirect(URI.create(ConsoleSignIn.HOME)).build();
    }

    private static Mono<ServerResponse> serve(ServerRequest request, ConsoleFiles files) {
        String path = request.path().substring("/console/".length());
        if (path.startsWith("assets/") || path.equals("favicon.svg")) {
            return files.file(path).map(file -> send(request, file,
                    // File names carry a hash of their content: a new build has new names.
                    CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()))
                    .orElseGet(() -> ServerResponse.notFound().build());
        }
        return files.file(INDEX).map(file -> send(request, file,
                // Always asks again, so a new build's asset names are seen at once.
                CacheControl.noCache()))
                .orElseGet(() -> ServerResponse.notFound().build());
    }

    private static Mono<ServerResponse> send(ServerRequest request, ConsoleFiles.File file, CacheControl cache) {
        boolean gzip = file.hasGzipped() && acceptsGzip(request.headers().header(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = gzip ? file.gzipped() : file.body();
        ServerResponse.BodyBuilder answer = ServerResponse.ok().contentType(file.type()).cacheControl(cache)
                .contentLength(body.length).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.bodyValue(body);
    }

    /** {@code gzip} among the codings, unless refused with {@code q=0}. */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")) {
                    return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
        }
        return false;
    }
}
