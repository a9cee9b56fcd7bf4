package org.xinfang.notification.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The in-memory wake-up for stored timers: one thread sleeps exactly until the earliest known due time, so a step
 * fires on time without polling the store. The store stays the truth; this only decides when to look.
 */
@Component
class TimerWheel implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TimerWheel.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "escalation-timers");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private Runnable onWake = () -> { };
    private ScheduledFuture<?> pending;
    private Instant pendingAt;

    TimerWheel(Clock clock) {
        this.clock = clock;
    }

    void onWake(Runnable task) {
        this.onWake = task;
    }

    /** Makes sure the wheel wakes no later than {@code due}. */
    synchronized void wakeAt(Instant due) {
        if (pending != null && !pending.isDone() && pendingAt != null && !due.isBefore(pendingAt)) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        pendingAt = due;
        pending = thread.schedule(this::run, delay, TimeUnit.MILLISECONDS);
    }

    /** Wakes at once: for the recovery sweep and for tests that move the clock by hand. */
    java.util.concurrent.Future<?> wakeNow() {
        return thread.submit(this::run);
    }

    private void run() {
        synchronized (this) {
            pendingAt = null;
        }
        try {
            onWake.run();
        } catch (RuntimeException e) {
            log.warn("escalation wake-up failed; the sweep will retry: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
