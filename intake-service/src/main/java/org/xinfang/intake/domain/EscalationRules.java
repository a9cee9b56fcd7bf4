package org.xinfang.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * Escalating a petition on the spot (the plan's 四(4)): facts only ever grow. Signals are added, never removed; the
 * headcount only rises (a larger crowd turns an individual petition into a group's); a group marked escalated stays
 * so. An escalation that adds nothing is refused rather than recorded, so the history holds only real changes.
 */
public final class EscalationRules {

    /** Who sees the scene and may report it: the school's duty clerk and its leadership group, not a department. */
    public static final Set<Role> ROLES = EnumSet.of(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER);
    /** A petition answered for good, or never taken up, is no longer open. */
    static final Set<PetitionState> CLOSED = EnumSet.of(PetitionState.CLOSED, PetitionState.NOT_ACCEPTED,
            PetitionState.RE_REVIEWED);
    public static final int MAX_NOTE = 2_000;

    private EscalationRules() {
    }

    /**
     * The petition with the escalation applied, its history entry and its {@link PetitionEscalated}, published under
     * {@code eventId} (derived from the request's idempotency key, so a repeat is recognised).
     */
    public static PetitionChange escalate(Petition p, Escalation e, Actor actor, Instant now, String eventId) {
        if (!ROLES.contains(actor.role())) {
            throw new ForbiddenActionException("only the school's clerk, leader or deputy leader escalates a petition on "
                    + "the spot; " + actor.roleName() + " may not");
        }
        if (CLOSED.contains(p.state())) {
            throw new ClosedPetitionException(p.state(), "an escalation is reported as a new petition");
        }
        List<FieldError> errors = new ArrayList<>();
        if (e.note() == null || e.note().isBlank()) {
            errors.add(new FieldError("note", "required: what happened"));
        }
        if (e.headcount() != null && e.headcount() < p.headcount()) {
            errors.add(new FieldError("headcount", "the headcount only grows: at least " + p.headcount()));
        }
        if (e.headcount() != null && e.headcount() > RegistrationRules.MAX_HEADCOUNT) {
            errors.add(new FieldError("headcount", "must be at most " + RegistrationRules.MAX_HEADCOUNT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        Set<RiskSignal> added = EnumSet.noneOf(RiskSignal.class);
        added.addAll(e.riskSignals());
        added.removeAll(p.riskSignals());
        int headcount = e.headcount() == null ? p.headcount() : e.headcount();
        boolean escalated = p.escalated() || Boolean.TRUE.equals(e.escalated());
        boolean newlyEscalated = escalated && !p.escalated();
        if (added.isEmpty() && headcount == p.headcount() && !newlyEscalated) {
            throw new RuleViolationException("riskSignals", "the escalation adds nothing new: the petition already has "
                    + "these risk signals, this headcount (" + p.headcount() + ")"
                    + (p.escalated() ? " and is marked escalated" : ""));
        }
        Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        signals.addAll(p.riskSignals());
        signals.addAll(added);
        Form form = headcount > 1 ? Form.GROUP : p.form();
        String recorded = record(p, added, headcount, newlyEscalated, form, e.note().strip());
        HistoryEntry entry = HistoryEntry.by(actor, now, p.state(), p.state(), recorded);
        Petition after = p.escalated(form, headcount, escalated, signals, entry);
        PetitionEscalated event = new PetitionEscalated(
                new EventMeta(eventId, PetitionEscalated.class.getSimpleName(), EventMeta.CURRENT_SCHEMA_VERSION, now,
                        p.district(), p.school(), p.id()),
                headcount, p.headcount(), escalated, signals, added, actor.roleName(), now);
        return new PetitionChange(after, List.of(entry), List.of(event));
    }

    /** The history's wording: what was added, then the clerk's note. */
    private static String record(Petition p, Set<RiskSignal> added, int headcount, boolean newlyEscalated, Form form,
                                 String note) {
        List<String> what = new ArrayList<>();
        if (!added.isEmpty()) {
            TreeSet<RiskSignal> ordered = new TreeSet<>(added);
            what.add("新增风险情形：" + String.join("、", ordered.stream().map(RiskSignal::chineseName).toList()));
        }
        if (headcount != p.headcount()) {
            what.add("人数由" + p.headcount() + "人增至" + headcount + "人"
                    + (form != p.form() ? "（改为" + form.chineseName() + "）" : ""));
        }
        if (newlyEscalated) {
            what.add("越级上访");
        }
        return "情况升级：" + String.join("；", what) + "。现场情况：" + note;
    }
}
