package org.xinfang.localstack.store;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;

/**
 * Holds back the reply to a write until the write is on disk. The backend marks the connection with the write's
 * ticket while it handles the command; the reply that follows on that connection waits for the group commit to cover
 * the ticket, while the connection's event loop goes on serving other connections. A failed sync closes the
 * connection instead of answering: the client sees an error, never an acknowledgement of a write that may be lost.
 *
 * <p>Replies to reads pass straight through. A MongoDB client sends its next command on a connection only after the
 * reply to the previous one, so holding one reply never reorders another.
 */
final class DurableReplies extends ChannelOutboundHandlerAdapter {

    static final String NAME = "xinfang-durable-replies";
    private static final AttributeKey<Long> TICKET = AttributeKey.valueOf("xinfang-write-ticket");

    private final GroupCommit commit;

    private DurableReplies(GroupCommit commit) {
        this.commit = commit;
    }

    /**
     * Marks the reply about to be written on this connection as one that waits for {@code ticket}. The first time a
     * connection writes, this handler joins its pipeline at the tail, where the server's reply enters it first.
     */
    static void holdNextReply(Channel channel, long ticket, GroupCommit commit) {
        if (channel.pipeline().get(NAME) == null) {
            channel.pipeline().addLast(NAME, new DurableReplies(commit));
        }
        channel.attr(TICKET).set(ticket);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Long ticket = ctx.channel().attr(TICKET).getAndSet(null);
        if (ticket == null) {
            ctx.write(msg, promise);
            return;
        }
        commit.whenDurable(ticket,
                () -> ctx.executor().execute(() -> ctx.writeAndFlush(msg, promise)),
                failure -> ctx.executor().execute(() -> {
                    promise.tryFailure(failure);
                    ctx.close();
                }));
    }
}
