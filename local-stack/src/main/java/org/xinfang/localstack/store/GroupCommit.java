package org.xinfang.localstack.store;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes durable before they are acknowledged, many at a time. Each applied write takes a ticket; one thread
 * commits the H2 store and forces the file to disk, then releases every reply whose ticket the sync covered. Writes
 * that arrive while a sync runs wait for the next one together, so under load one sync serves many writes, and a
 * lone write waits for one commit and one fsync only.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final MVStore store;
    /** Tickets handed out: the number of writes applied to the store so far. */
    private final AtomicLong applied = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>();
    private final Thread syncer;
    private long durable;
    private long syncs;
    private boolean closed;

    GroupCommit(MVStore store) {
        this.store = store;
        this.syncer = new Thread(this::run, "store-group-commit");
        this.syncer.setDaemon(true);
        this.syncer.start();
    }

    /** Called after a write was applied (and before its reply is sent): the ticket its reply waits for. */
    long applied() {
        return applied.incrementAndGet();
    }

    /**
     * Runs {@code onDurable} once a sync covers {@code ticket} (at once if one already did), or {@code onFailure} if
     * the sync that should have covered it failed. Both run on the sync thread: they must only hand work off.
     */
    void whenDurable(long ticket, Runnable onDurable, Consumer<Throwable> onFailure) {
        lock.lock();
        try {
            if (ticket <= durable) {
                onDurable.run();
                return;
            }
            if (closed) {
                onFailure.accept(new IllegalStateException("the store is closing"));
                return;
            }
            waiters.add(new Waiter(ticket, onDurable, onFailure));
            waiting.signal();
        } finally {
            lock.unlock();
        }
    }

    /** How many writes have been applied. */
    long writes() {
        return applied.get();
    }

    /** How many syncs have run: with {@link #applied} it tells how many writes each sync served. */
    long syncs() {
        lock.lock();
        try {
            return syncs;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            long target;
            lock.lock();
            try {
                while (waiters.isEmpty() && !closed) {
                    waiting.awaitUninterruptibly();
                }
                if (closed && waiters.isEmpty()) {
                    return;
                }
                // Read before committing: every write with a ticket up to here was applied before the commit starts,
                // so the commit holds it.
                target = applied.get();
            } finally {
                lock.unlock();
            }
            Throwable failure = null;
            try {
                store.commit();
                store.sync();
            } catch (RuntimeException | Error e) {
                failure = e;
                log.error("the store could not be synced to disk; the writes waiting for it are not acknowledged", e);
            }
            List<Waiter> released = new ArrayList<>();
            lock.lock();
            try {
                if (failure == null) {
                    durable = Math.max(durable, target);
                    syncs++;
                }
                while (!waiters.isEmpty() && waiters.peek().ticket() <= target) {
                    released.add(waiters.poll());
                }
            } finally {
                lock.unlock();
            }
            for (Waiter waiter : released) {
                try {
                    if (failure == null) {
                        waiter.onDurable().run();
                    } else {
                        waiter.onFailure().accept(failure);
                    }
                } catch (RuntimeException e) {
                    // A connection whose event loop has already stopped (the server is shutting down): its client
                    // gets no reply, which never claims more than was stored.
                    log.debug("a reply could not be handed to its connection", e);
                }
            }
        }
    }

    /** Syncs what is still waiting, then stops the sync thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            waiting.signal();
        } finally {
            lock.unlock();
        }
        try {
            syncer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Waiter(long ticket, Runnable onDurable, Consumer<Throwable> onFailure) implements Comparable<Waiter> {
        @Override
        public int compareTo(Waiter other) {
            return Long.compare(ticket, other.ticket);
        }
    }
}
