package org.xinfang.intake.domain;

import java.time.Instant;

/**
 * The facts of a petition's handling after routing, each set by one life-cycle step and never changed afterwards
 * except by that step. {@code due} is the school's deadline currently running (accept, handle, or answer a review);
 * {@code window} the petitioner's own, once a reply or a review's answer opens one (ask for a review or a re-review).
 */
public record Handling(
        Instant acceptedAt,
        String refusalReason,
        Instant startedAt,
        Integer extendedDays,
        String extensionReason,
        String extensionApprovedBy,
        Instant resolvedAt,
        String reply,
        Instant closedAt,
        Instant reviewRequestedAt,
        Instant reviewAnsweredAt,
        String reviewReply,
        Instant reReviewRequestedAt,
        Instant reReviewAnsweredAt,
        String reReviewReply,
        Deadline due,
        Deadline window) {

    public static final Handling NONE = new Handling(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    /** The instant the running deadline falls due, or null when none runs. */
    public Instant dueBy() {
        return due == null ? null : due.dueBy();
    }

    Handling accepted(Instant at, Deadline handleBy) {
        return new Handling(at, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, handleBy, window);
    }

    Handling refused(String reason) {
        return new Handling(acceptedAt, reason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null, window);
    }

    Handling started(Instant at) {
        return new Handling(acceptedAt, refusalReason, at, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, due, window);
    }

    Handling extended(int days, String reason, String approvedBy, Deadline newDue) {
        return new Handling(acceptedAt, refusalReason, startedAt, days, reason, approvedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, newDue, window);
    }

    Handling resolved(Instant at, String writtenReply, Deadline reviewWindow) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                at, writtenReply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null, reviewWindow);
    }

    Handling closed(Instant at) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, at, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null, window);
    }

    Handling reviewRequested(Instant at, Deadline answerBy) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, at, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, answerBy, null);
    }

    Handling reviewAnswered(Instant at, String answer, Deadline reReviewWindow) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, at, answer, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null, reReviewWindow);
    }

    Handling reReviewRequested(Instant at, Deadline answerBy) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, at,
                reReviewAnsweredAt, reReviewReply, answerBy, null);
    }

    Handling reReviewAnswered(Instant at, String answer) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                at, answer, null, null);
    }

    Handling due(Deadline by) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, by, window);
    }
}
