package org.xinfang.kit.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Asks a kept-alive HTTP/1.1 connection for its next request once each response has gone out.
 *
 * <p>Why: Reactor Netty 1.3.6 reads a server connection on demand and re-arms the read when a request's operations
 * end. When the next request arrived before that end, it is queued; if the queued request is then answered at once
 * (re-entrantly), the queue drains without anyone asking for another read, and the connection stops reading while
 * the client waits for ever (reactor/reactor-netty#4361, fixed after 1.3.8). Browsers and pooled clients reuse
 * connections, so 2–8 % of the suite's kept-alive connections hung after a few requests. One more read after each
 * complete response is harmless: the server already buffers requests that arrive early, as it does for pipelining.
 *
 * <p>Remove this when Reactor Netty carries the fix: {@code KeptAliveReadingTest} says when.
 */
public final class KeptAliveReading extends ChannelOutboundHandlerAdapter {

    static final String NAME = "xinfang.keptAliveReading";

    /** Installs the handler on every HTTP/1.1 connection of a server. */
    public static NettyServerCustomizer customizer() {
        return KeptAliveReading::install;
    }

    static HttpServer install(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> addTo(channel.pipeline()));
    }

    private static void addTo(ChannelPipeline pipeline) {
        // Between the codec and the traffic handler: it sees whole responses and reads from the socket side.
        if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(NAME) == null) {
            pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, new KeptAliveReading());
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent) {
            ChannelPromise written = promise.unvoid();
            written.addListener(future -> {
                if (future.isSuccess() && ctx.channel().isActive()) {
                    ctx.read();
                }
            });
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }
}
