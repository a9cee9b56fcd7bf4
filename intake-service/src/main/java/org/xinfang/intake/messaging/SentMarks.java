package org.xinfang.intake.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.SentMark;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Marks published events sent, many petitions per write. One write is in flight at a time; marks arriving meanwhile
 * wait for it and go together in the next one, so under load a single bulk write marks what many publishes
 * acknowledged, and when idle a mark is written at once, with no timer. A mark completes when the write holding it is
 * acknowledged, and fails with it: the entry then stays in the outbox and is sent again by the relay.
 */
@Component
class SentMarks {

    /** Keeps one write's size and time bounded however far marks pile up behind it. */
    static final int MAX_BATCH = 64;

    private final PetitionStore store;
    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Counter writes;

    SentMarks(PetitionStore store, MeterRegistry meters) {
        this.store = store;
        this.writes = Counter.builder("intake.outbox.mark.writes")
                .description("writes that marked published events sent, each holding one or more marks")
                .register(meters);
    }

    /** Completes once the entry is marked sent in the store. */
    Mono<Void> mark(String petitionId, String eventId) {
        return Mono.create(sink -> {
            queue.add(new Waiting(new SentMark(petitionId, eventId), sink));
            writeNext();
        });
    }

    /**
     * Starts a write of what is waiting unless one is in flight. The one in flight calls this again when it ends, and
     * a mark queued just before that end is seen either by it or by its own caller, never by neither.
     */
    private void writeNext() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            writeNext();
            return;
        }
        writes.increment();
        store.markSent(batch.stream().map(Waiting::mark).toList())
                .subscribe(null, failure -> done(batch, failure), () -> done(batch, null));
    }

    private void done(List<Waiting> batch, Throwable failure) {
        writing.set(false);
        writeNext();
        for (Waiting waiting : batch) {
            if (failure == null) {
                waiting.sink().success();
            } else {
                waiting.sink().error(failure);
            }
        }
    }

    private record Waiting(SentMark mark, MonoSink<Void> sink) {
    }
}
