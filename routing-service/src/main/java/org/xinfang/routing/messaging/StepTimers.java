package org.xinfang.routing.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Times each step of routing one poll's batch of petitions ({@code xinfang.routing.step}, tagged by step: decide,
 * store, publish, mark-published), so an operator sees on /actuator/prometheus where a slow consumer spends its time.
 */
@Component
class StepTimers {

    private final MeterRegistry registry;

    StepTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> Mono<T> timed(String step, Mono<T> work) {
        Timer timer = Timer.builder("xinfang.routing.step").tag("step", step)
                .description("time taken by one step of routing a batch of received petitions").register(registry);
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return work.doOnTerminate(() -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }
}
