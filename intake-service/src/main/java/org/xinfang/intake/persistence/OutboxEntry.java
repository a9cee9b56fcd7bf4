package org.xinfang.intake.persistence;

import java.time.Instant;

/**
 * One event waiting in a petition's document to be published. {@code seq} is its position in the document's
 * outbox array (append-only), so marking it sent addresses exactly this entry.
 */
public record OutboxEntry(int seq, String eventId, String topic, String key, String payload, Instant sentAt) {

    public boolean sent() {
        return sentAt != null;
    }
}
