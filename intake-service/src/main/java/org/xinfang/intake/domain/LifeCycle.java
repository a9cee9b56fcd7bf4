package org.xinfang.intake.domain;

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

    /** The steps that may follow the petition's current state, whoever asks. */
    public static List<Action> allowedOn(Petition p) {
        return Arrays.stream(Action.values()).filter(a -> a.allowedOn(p)).toList();
    }

    /**
     * @param clock the legal clock of the petition's district: every deadline a step opens is counted by it and kept
     *              with the rules and calendars it used
     */
    public PetitionChange take(Petition p, Action action, ActionRequest request, Actor actor, Instant now,
                               LegalClock clock) {
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
            case ACCEPT -> h.accepted(now, clock.count(LegalStep.HANDLE, now));
            case REFUSE -> h.refused(required(reason, "reason", "a refusal must give the petitioner its reason"));
            case START -> h.started(now);
            case EXTEND -> extend(p, request, actor, clock);
            case RESOLVE -> h.resolved(now, required(request.reply(), "reply", "a petition is resolved with a written reply"),
                    clock.count(LegalStep.REVIEW_REQUEST, now));
            case CLOSE -> h.closed(now);
            case REQUEST_REVIEW -> {
                within(window(h, LegalStep.REVIEW_REQUEST, h.resolvedAt(), clock), now, "review (复查)");
                yield h.reviewRequested(now, clock.count(LegalStep.REVIEW_ANSWER, now));
            }
            case ANSWER_REVIEW -> h.reviewAnswered(now, required(request.reply(), "reply", "a review is answered in writing"),
                    clock.count(LegalStep.RE_REVIEW_REQUEST, now));
            case REQUEST_RE_REVIEW -> {
                within(window(h, LegalStep.RE_REVIEW_REQUEST, h.reviewAnsweredAt(), clock), now, "re-review (复核)");
                yield h.reReviewRequested(now, clock.count(LegalStep.RE_REVIEW_ANSWER, now));
            }
            case ANSWER_RE_REVIEW -> h.reReviewAnswered(now, required(request.reply(), "reply",
                    "a re-review is answered in writing"));
        };
        String recorded = action == Action.EXTEND
                ? "延期 " + request.days() + " 日，经" + actor.name() + "批准，理由：" + reason
                : reason;
        HistoryEntry entry = HistoryEntry.by(actor, now, p.state(), action.to(), recorded);
        Petition after = p.with(p.subject(), action.to(), p.routing(), next, List.of(entry));
        PetitionStatusChanged event = new PetitionStatusChanged(
                EventMeta.forPetition(PetitionStatusChanged.class, p.district(), p.school(), p.id(), now),
                p.state(), action.to(), actor.roleName(), actor.id(), recorded,
                p.routing() == null ? null : p.routing().department(), next.dueBy(), DeadlineEvents.basis(next.due()));
        return new PetitionChange(after, List.of(entry), List.of(event));
    }

    /**
     * The extension counts on from the last day of the handling limit, so a limit that had moved past a holiday is
     * extended from where it really ended.
     */
    private Handling extend(Petition p, ActionRequest request, Actor actor, LegalClock clock) {
        required(request.reason(), "reason", "an extension needs reasons told to the petitioner");
        int max = clock.rules().limit(LegalStep.EXTENSION).days();
        if (request.days() == null) {
            throw new InvalidPetitionException(List.of(new FieldError("days", "required: 1 to " + max)));
        }
        if (request.days() < 1 || request.days() > max) {
            throw new RuleViolationException("days", "an extension is 1 to " + max + " days, " + request.days() + " asked");
        }
        Handling h = p.handling();
        Deadline running = h.due() != null ? h.due() : clock.count(LegalStep.HANDLE, h.acceptedAt());
        return h.extended(request.days(), request.reason(), actor.id(), clock.extend(running, request.days()));
    }

    /** The petitioner's window as it was opened; counted now only for a petition answered before windows were kept. */
    private static Deadline window(Handling h, LegalStep step, Instant openedAt, LegalClock clock) {
        if (h.window() != null && h.window().step() == step) {
            return h.window();
        }
        return openedAt == null ? null : clock.count(step, openedAt);
    }

    private static void within(Deadline window, Instant now, String what) {
        if (window == null || !now.isBefore(window.dueBy())) {
            throw new RuleViolationException("window", "a " + what + " must be requested within "
                    + (window == null ? "its window" : window.limit().chinese())
                    + "; the window closed at the end of " + (window == null ? "-" : window.lastDay()));
        }
    }

    private static String required(String text, String field, String why) {
        if (text == null || text.isBlank()) {
            throw new InvalidPetitionException(List.of(new FieldError(field, why)));
        }
        return text;
    }
}
