package org.xinfang.intake.persistence;

/**
 * One event waiting in a petition's document to be published. Sending it removes it from the outbox and records
 * its id among the document's sent events, in one idempotent update.
 */
public record OutboxEntry(String eventId, String topic, String key, String payload) {
}
