package org.xinfang.localstack.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** What the scenarios expect of an answer, and how they wait for a service to recover. */
final class Answers {

    private Answers() {
    }

    /** 503 problem+json with Retry-After: the request may succeed later, and the caller is told when to try. */
    static void unavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":503");
    }

    static Duration timed(Runnable step) {
        long started = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Asks again until the answer has {@code status}, with a bound; the drivers reconnect on their own. */
    static void awaitStatus(Supplier<HttpResponse<String>> call, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = call.get().statusCode();
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for status " + status);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last + " after " + within + ", expected " + status);
    }
}
