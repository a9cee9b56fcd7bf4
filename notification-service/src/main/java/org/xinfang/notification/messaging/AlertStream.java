package org.xinfang.notification.messaging;

import org.springframework.stereotype.Component;
import org.xinfang.notification.domain.Alert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live alerts for duty consoles (server-sent events). Best effort by design: a console that is not connected reads
 * the alerts API when it connects; the stream only saves it from polling.
 */
@Component
public class AlertStream {

    private final Sinks.Many<Alert> sink = Sinks.many().multicast().directBestEffort();

    /** Several threads raise alerts; the sink accepts one emitter at a time. */
    synchronized void emit(Alert alert) {
        sink.tryEmitNext(alert);
    }

    public Flux<Alert> alerts() {
        return sink.asFlux();
    }
}
