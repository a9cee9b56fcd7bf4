package org.xinfang.contracts.event;

import java.time.Instant;
import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * The situation of a petition got worse after registration (the plan's 四(4)): a clerk or the school's leadership
 * added risk signals, a larger headcount or marked the group escalated. It carries the petition's facts as they stand
 * after the escalation, so routing can decide the level again as if they had been known on receipt, and what this
 * escalation added. Like {@link PetitionReceived} it carries no petitioner identity, and not the clerk's note either:
 * the note is free text that may name people, so it stays in intake's history.
 *
 * @param riskSignals every signal the clerk has given the petition, those of registration included
 * @param added       the signals this escalation added (a subset of {@code riskSignals}); may be empty when only the
 *                    headcount grew or the group was marked escalated
 * @param headcountBefore how many came before this escalation, so a reader can say "12 → 40"
 */
public record PetitionEscalated(
        EventMeta meta,
        Integer headcount,
        Integer headcountBefore,
        Boolean escalated,
        @OptionalField Set<RiskSignal> riskSignals,
        @OptionalField Set<RiskSignal> added,
        String actorRole,
        Instant escalatedAt) implements PipelineEvent {

    public PetitionEscalated {
        Required.present(meta, "meta");
        Required.present(headcount, "headcount");
        Required.present(headcountBefore, "headcountBefore");
        Required.present(escalated, "escalated");
        Required.text(actorRole, "actorRole");
        Required.present(escalatedAt, "escalatedAt");
        if (headcount < headcountBefore) {
            throw new IllegalArgumentException("an escalation never lowers the headcount: " + headcountBefore + " → "
                    + headcount);
        }
        riskSignals = riskSignals == null ? Set.of() : Set.copyOf(riskSignals);
        added = added == null ? Set.of() : Set.copyOf(added);
    }
}
