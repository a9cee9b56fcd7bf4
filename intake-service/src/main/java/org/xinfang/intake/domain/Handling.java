package org.xinfang.intake.domain;

import java.time.Instant;
import java.util.function.Consumer;

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
        return with(next -> {
            next.acceptedAt = at;
            next.due = handleBy;
        });
    }

    Handling refused(String reason) {
        return with(next -> {
            next.refusalReason = reason;
            next.due = null;
        });
    }

    Handling started(Instant at) {
        return with(next -> next.startedAt = at);
    }

    Handling extended(int days, String reason, String approvedBy, Deadline newDue) {
        return with(next -> {
            next.extendedDays = days;
            next.extensionReason = reason;
            next.extensionApprovedBy = approvedBy;
            next.due = newDue;
        });
    }

    Handling resolved(Instant at, String writtenReply, Deadline reviewWindow) {
        return with(next -> {
            next.resolvedAt = at;
            next.reply = writtenReply;
            next.due = null;
            next.window = reviewWindow;
        });
    }

    Handling closed(Instant at) {
        return with(next -> {
            next.closedAt = at;
            next.due = null;
        });
    }

    Handling reviewRequested(Instant at, Deadline answerBy) {
        return with(next -> {
            next.reviewRequestedAt = at;
            next.due = answerBy;
            next.window = null;
        });
    }

    Handling reviewAnswered(Instant at, String answer, Deadline reReviewWindow) {
        return with(next -> {
            next.reviewAnsweredAt = at;
            next.reviewReply = answer;
            next.due = null;
            next.window = reReviewWindow;
        });
    }

    Handling reReviewRequested(Instant at, Deadline answerBy) {
        return with(next -> {
            next.reReviewRequestedAt = at;
            next.due = answerBy;
            next.window = null;
        });
    }

    Handling reReviewAnswered(Instant at, String answer) {
        return with(next -> {
            next.reReviewAnsweredAt = at;
            next.reReviewReply = answer;
            next.due = null;
            next.window = null;
        });
    }

    Handling due(Deadline by) {
        return with(next -> next.due = by);
    }

    /** This handling with what one step sets changed, and every other fact as it was. */
    private Handling with(Consumer<Next> step) {
        Next next = new Next(this);
        step.accept(next);
        return next.handling();
    }

    /** The facts of the next handling while a step sets its own; starts as a copy of the current one. */
    private static final class Next {

        Instant acceptedAt;
        String refusalReason;
        Instant startedAt;
        Integer extendedDays;
        String extensionReason;
        String extensionApprovedBy;
        Instant resolvedAt;
        String reply;
        Instant closedAt;
        Instant reviewRequestedAt;
        Instant reviewAnsweredAt;
        String reviewReply;
        Instant reReviewRequestedAt;
        Instant reReviewAnsweredAt;
        String reReviewReply;
        Deadline due;
        Deadline window;

        Next(Handling current) {
            acceptedAt = current.acceptedAt;
            refusalReason = current.refusalReason;
            startedAt = current.startedAt;
            extendedDays = current.extendedDays;
            extensionReason = current.extensionReason;
            extensionApprovedBy = current.extensionApprovedBy;
            resolvedAt = current.resolvedAt;
            reply = current.reply;
            closedAt = current.closedAt;
            reviewRequestedAt = current.reviewRequestedAt;
            reviewAnsweredAt = current.reviewAnsweredAt;
            reviewReply = current.reviewReply;
            reReviewRequestedAt = current.reReviewRequestedAt;
            reReviewAnsweredAt = current.reReviewAnsweredAt;
            reReviewReply = current.reReviewReply;
            due = current.due;
            window = current.window;
        }

        Handling handling() {
            return new Handling(acceptedAt, refusalReason, startedAt, extendedDays, extensionReason,
                    extensionApprovedBy, resolvedAt, reply, closedAt, reviewRequestedAt, reviewAnsweredAt, reviewReply,
                    reReviewRequestedAt, reReviewAnsweredAt, reReviewReply, due, window);
        }
    }
}
