package org.xinfang.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionStatusChanged;

/**
 * Takes one step of the legal life cycle: checks that it may follow the current state, that the actor's role may
 * take it and that its legal rules hold, then records it in the history and as a {@link PetitionStatusChanged}.
 */
public final class LifeCycle {

    private final LegalLimits limits;

    public LifeCycle(LegalLimits limits) {
        this.limits = limits;
    }

    public LegalLimits limits() {
        return limits;
    }

    /** The steps that may follow the petition's current state, whoever asks. */
    public static List<Action> allowedOn(Petition p) {
        return Arrays.stream(Action.values()).filter(a -> a.allowedOn(p)).toList();
    }

    public PetitionChange take(Petition p, Action action, ActionRequest request, Actor actor, Instant now) {
        if (!action.allowedOn(p)) {
            throw new IllegalTransitionException(action, p.state(), allowedOn(p));
        }
        if (!action.roles().contains(actor.role())) {
            throw new ForbiddenActionException(action, actor);
        }
        if (actor.role() == Role.DEPARTMENT_HANDLER
                && (p.routing() == null || !actor.department().equals(p.routing().department()))) {
            // Co-handling departments read the petition; its steps belong to the department it is routed to.
            throw new ForbiddenActionException("department " + actor.department() + " may not " + action.pathName()
                    + " a petition routed to " + (p.routing() == null ? "no department" : p.routing().department()));
        }
        Handling h = p.handling();
        String reason = request.reason();
        Handling next = switch (action) {
            case ACCEPT -> h.accepted(now, now.plus(days(handleWithinDays(p))));
            case REFUSE -> h.refused(required(reason, "reason", "a refusal must give the petitioner its reason"));
            case START -> h.started(now);
            case EXTEND -> extend(p, request, actor, now);
            case RESOLVE -> h.resolved(now, required(request.reply(), "reply", "a petition is resolved with a written reply"));
            case CLOSE -> h.closed(now);
            case REQUEST_REVIEW -> {
                within(h.resolvedAt(), limits.reviewRequestWithinDays(), now, "review (复查)");
                yield h.reviewRequested(now, now.plus(days(limits.reviewAnswerWithinDays())));
            }
            case ANSWER_REVIEW -> h.reviewAnswered(now, required(request.reply(), "reply", "a review is answered in writing"));
            case REQUEST_RE_REVIEW -> {
                within(h.reviewAnsweredAt(), limits.reReviewRequestWithinDays(), now, "re-review (复核)");
                yield h.reReviewRequested(now, now.plus(days(limits.reReviewAnswerWithinDays())));
            }
            case ANSWER_RE_REVIEW -> h.reReviewAnswered(now, required(request.reply(), "reply",
                    "a re-review is answered in writing"));
        };
        String recorded = action == Action.EXTEND
                ? "extended by " + request.days() + " day(s), approved by " + actor.id() + ": " + reason
                : reason;
        HistoryEntry entry = HistoryEntry.by(actor, now, p.state(), action.to(), recorded);
        Petition after = p.with(p.subject(), action.to(), p.routing(), next, List.of(entry));
        PetitionStatusChanged event = new PetitionStatusChanged(
                EventMeta.forPetition(PetitionStatusChanged.class, p.district(), p.school(), p.id(), now),
                p.state(), action.to(), actor.roleName(), actor.id(), recorded,
                p.routing() == null ? null : p.routing().department(), next.dueBy());
        return new PetitionChange(after, List.of(entry), List.of(event));
    }

    /** The stricter of the legal limit and routing's decision: routing may shorten a limit, never lengthen it. */
    int handleWithinDays(Petition p) {
        return p.routing() == null ? limits.handleWithinDays()
                : Math.min(limits.handleWithinDays(), p.routing().handleWithinDays());
    }

    int extensionMaxDays(Petition p) {
        return p.routing() == null ? limits.extensionMaxDays()
                : Math.min(limits.extensionMaxDays(), p.routing().extensionMaxDays());
    }

    private Handling extend(Petition p, ActionRequest request, Actor actor, Instant now) {
        required(request.reason(), "reason", "an extension needs reasons told to the petitioner");
        int max = extensionMaxDays(p);
        if (request.days() == null) {
            throw new InvalidPetitionException(List.of(new FieldError("days", "required: 1 to " + max)));
        }
        if (request.days() < 1 || request.days() > max) {
            throw new RuleViolationException("days", "an extension is 1 to " + max + " days, " + request.days() + " asked");
        }
        Handling h = p.handling();
        Instant base = h.dueBy() != null ? h.dueBy() : h.acceptedAt().plus(days(handleWithinDays(p)));
        return h.extended(request.days(), request.reason(), actor.id(), base.plus(days(request.days())));
    }

    private static void within(Instant since, int windowDays, Instant now, String what) {
        if (since == null || now.isAfter(since.plus(days(windowDays)))) {
            throw new RuleViolationException("window", "a " + what + " must be requested within " + windowDays
                    + " days; the window closed on " + (since == null ? "-" : since.plus(days(windowDays))));
        }
    }

    private static String required(String text, String field, String why) {
        if (text == null || text.isBlank()) {
            throw new InvalidPetitionException(List.of(new FieldError(field, why)));
        }
        return text;
    }

    static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
