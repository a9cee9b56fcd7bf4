package org.xinfang.intake.persistence;

/** An outbox entry the broker has acknowledged, to be marked sent in its petition's document. */
public record SentMark(String petitionId, String eventId) {
}
