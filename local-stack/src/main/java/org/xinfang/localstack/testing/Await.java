package org.xinfang.localstack.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a bound, checking often, instead of sleeping a fixed time. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code bound}. */
    public static void until(String what, Duration bound, BooleanSupplier condition) {
        Instant end = Instant.now().plus(bound);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError(what + " did not happen within " + bound);
    }
}
