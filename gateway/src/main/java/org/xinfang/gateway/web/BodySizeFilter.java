package org.xinfang.gateway.web;

import java.io.ByteArrayOutputStream;
import org.xinfang.kit.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.xinfang.gateway.config.BodyLimitSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every request body whole, up to the limit, before any service is called: a body over the limit (declared by
 * Content-Length or found while reading a chunked one) gets 413 problem+json and no service sees any of it. The body
 * that passes is handed on with its length, and can be sent a second time when a call that is safe to repeat meets
 * a service that closed the connection ({@link RepeatOnceFilter}).
 *
 * <p>Before a refusal the gateway goes on reading what the client sends, up to {@link #DRAIN_FACTOR} times the limit:
 * a server that answers and closes while bytes are still arriving makes the kernel reset the connection, and a
 * client busy sending may then never read the 413. Beyond that the connection is closed; for such a body a reset is
 * the cheaper answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class BodySizeFilter implements WebFilter {

    static final int DRAIN_FACTOR = 4;

    private final long maxBytes;
    private final long drainBytes;
    private final ProblemWriter problems;

    BodySizeFilter(BodyLimitSettings settings, ProblemWriter problems) {
        this.maxBytes = settings.maxSize().toBytes();
        this.drainBytes = Math.max(DRAIN_FACTOR * maxBytes, 1 << 20);
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean chunked = request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared == 0 || (declared < 0 && !chunked)) {
            return chain.filter(exchange);
        }
        boolean declaredTooLarge = declared > maxBytes;
        return request.getBody()
                .reduce(new Reading(declaredTooLarge), this::read)
                .onErrorResume(BeyondDrain.class, e -> Mono.just(new Reading(true)))
                .flatMap(reading -> reading.tooLarge
                        ? refuse(exchange)
                        : chain.filter(exchange.mutate().request(new WholeBody(request, reading.bytes())).build()));
    }

    private Reading read(Reading reading, DataBuffer buffer) {
        try {
            reading.seen += buffer.readableByteCount();
            if (reading.seen > drainBytes) {
                throw new BeyondDrain();
            }
            if (reading.seen > maxBytes) {
                reading.tooLarge = true;
            }
            if (!reading.tooLarge) {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                reading.body.writeBytes(bytes);
            }
            return reading;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + maxBytes + " bytes accepted.");
    }

    /** What has been read of a body so far; a reduction's state, used by one subscriber at a time. */
    private static final class Reading {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        long seen;
        boolean tooLarge;

        Reading(boolean tooLarge) {
            this.tooLarge = tooLarge;
        }

        byte[] bytes() {
            return body.toByteArray();
        }
    }

    /** The client went on sending past what the gateway reads before refusing. */
    private static final class BeyondDrain extends RuntimeException {
        BeyondDrain() {
            super(null, null, false, false);
        }
    }

    /** The request with its body read: sent as often as asked, with its length instead of chunks. */
    private static final class WholeBody extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final HttpHeaders headers;

        WholeBody(ServerHttpRequest delegate, byte[] body) {
            super(delegate);
            this.body = body;
            HttpHeaders copy = new HttpHeaders();
            copy.addAll(delegate.getHeaders());
            copy.remove(HttpHeaders.TRANSFER_ENCODING);
            copy.setContentLength(body.length);
            this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            // A fresh view of the same bytes for each subscriber: nothing to release, and a repeat sends it all again.
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }
}
