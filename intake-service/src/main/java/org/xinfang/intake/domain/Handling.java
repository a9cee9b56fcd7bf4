package org.xinfang.intake.domain;

import java.time.Instant;

/**
 * The facts of a petition's handling after routing, each set by one life-cycle step and never changed afterwards
 * except by that step. {@code dueBy} is the deadline currently running (accept, handle, or answer a review).
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
        Instant dueBy) {

    public static final Handling NONE = new Handling(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    Handling accepted(Instant at, Instant handleBy) {
        return new Handling(at, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, handleBy);
    }

    Handling refused(String reason) {
        return new Handling(acceptedAt, reason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null);
    }

    Handling started(Instant at) {
        return new Handling(acceptedAt, refusalReason, at, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, dueBy);
    }

    Handling extended(int days, String reason, String approvedBy, Instant newDueBy) {
        return new Handling(acceptedAt, refusalReason, startedAt, days, reason, approvedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, newDueBy);
    }

    Handling resolved(Instant at, String writtenReply) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                at, writtenReply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null);
    }

    Handling closed(Instant at) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, at, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null);
    }

    Handling reviewRequested(Instant at, Instant answerBy) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, at, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, answerBy);
    }

    Handling reviewAnswered(Instant at, String answer) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, at, answer, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, null);
    }

    Handling reReviewRequested(Instant at, Instant answerBy) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, at,
                reReviewAnsweredAt, reReviewReply, answerBy);
    }

    Handling reReviewAnswered(Instant at, String answer) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                at, answer, null);
    }

    Handling due(Instant by) {
        return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason, extensionApprovedBy,
                resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply, reReviewRequestedAt,
                reReviewAnsweredAt, reReviewReply, by);
    }
}
