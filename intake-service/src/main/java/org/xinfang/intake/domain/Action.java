package org.xinfang.intake.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.vocabulary.PetitionState;

/**
 * The steps of the legal life cycle a person can take, with the states each starts from and the roles that may
 * take it. Routing (RECEIVED → ROUTED) is not here: it arrives as an event. A department handler takes its steps only
 * on petitions routed to its own department ({@link LifeCycle}); the bureau and the administration take none.
 */
public enum Action {
    /** 受理 */
    ACCEPT(PetitionState.ACCEPTED, EnumSet.of(PetitionState.ROUTED),
            EnumSet.of(Role.DEPARTMENT_HANDLER, Role.LEADER, Role.DEPUTY_LEADER)),
    /** 不予受理, with the reason told to the petitioner. */
    REFUSE(PetitionState.NOT_ACCEPTED, EnumSet.of(PetitionState.ROUTED),
            EnumSet.of(Role.DEPARTMENT_HANDLER, Role.LEADER, Role.DEPUTY_LEADER)),
    /** 办理 */
    START(PetitionState.IN_PROGRESS, EnumSet.of(PetitionState.ACCEPTED),
            EnumSet.of(Role.DEPARTMENT_HANDLER, Role.LEADER, Role.DEPUTY_LEADER)),
    /** 延期: once, approved by the unit's head, hence the leader's own step. */
    EXTEND(PetitionState.EXTENDED, EnumSet.of(PetitionState.IN_PROGRESS), EnumSet.of(Role.LEADER)),
    /** 办结 with a written reply. */
    RESOLVE(PetitionState.RESOLVED, EnumSet.of(PetitionState.IN_PROGRESS, PetitionState.EXTENDED),
            EnumSet.of(Role.DEPARTMENT_HANDLER, Role.LEADER, Role.DEPUTY_LEADER)),
    CLOSE(PetitionState.CLOSED, EnumSet.of(PetitionState.RESOLVED, PetitionState.NOT_ACCEPTED, PetitionState.REVIEWED,
            PetitionState.RE_REVIEWED), EnumSet.of(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER)),
    /** 复查: the petitioner disagrees with the reply; the clerk records the request. */
    REQUEST_REVIEW(PetitionState.REVIEW_REQUESTED, EnumSet.of(PetitionState.RESOLVED, PetitionState.CLOSED),
            EnumSet.of(Role.CLERK)),
    ANSWER_REVIEW(PetitionState.REVIEWED, EnumSet.of(PetitionState.REVIEW_REQUESTED),
            EnumSet.of(Role.LEADER, Role.DEPUTY_LEADER)),
    /** 复核: the petitioner disagrees with the review. */
    REQUEST_RE_REVIEW(PetitionState.RE_REVIEW_REQUESTED, EnumSet.of(PetitionState.REVIEWED, PetitionState.CLOSED),
            EnumSet.of(Role.CLERK)),
    ANSWER_RE_REVIEW(PetitionState.RE_REVIEWED, EnumSet.of(PetitionState.RE_REVIEW_REQUESTED),
            EnumSet.of(Role.LEADER, Role.DEPUTY_LEADER));

    private final PetitionState to;
    private final Set<PetitionState> from;
    private final Set<Role> roles;

    Action(PetitionState to, Set<PetitionState> from, Set<Role> roles) {
        this.to = to;
        this.from = from;
        this.roles = roles;
    }

    public PetitionState to() {
        return to;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Whether this step may follow the petition's current state and history. */
    public boolean allowedOn(Petition p) {
        if (!from.contains(p.state())) {
            return false;
        }
        Handling h = p.handling();
        return switch (this) {
            // A closed case can be reopened for review only if it was resolved and not yet reviewed …
            case REQUEST_REVIEW -> h.resolvedAt() != null && h.reviewRequestedAt() == null;
            // … and for re-review only after a review answer, once.
            case REQUEST_RE_REVIEW -> h.reviewAnsweredAt() != null && h.reReviewRequestedAt() == null;
            case EXTEND -> h.extendedDays() == null;
            default -> true;
        };
    }

    /** The path segment form: {@code request-re-review}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> fromPathName(String segment) {
        for (Action action : values()) {
            if (action.pathName().equals(segment)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
