package org.xinfang.contracts.event;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.PetitionState;

/**
 * One step of a petition's life cycle, as recorded in intake's append-only history. {@code dueBy} is the deadline
 * running after the step (none once the petition is answered), and {@code dueBasis} how intake counted it.
 */
public record PetitionStatusChanged(
        EventMeta meta,
        PetitionState from,
        PetitionState to,
        String actorRole,
        @OptionalField String actorId,
        @OptionalField String reason,
        @OptionalField String department,
        @OptionalField Instant dueBy,
        @OptionalField DeadlineBasis dueBasis) implements PipelineEvent {

    public PetitionStatusChanged {
        Required.present(meta, "meta");
        Required.present(from, "from");
        Required.present(to, "to");
        Required.text(actorRole, "actorRole");
    }

    public PetitionStatusChanged(EventMeta meta, PetitionState from, PetitionState to, String actorRole,
                                 String actorId, String reason, String department, Instant dueBy) {
        this(meta, from, to, actorRole, actorId, reason, department, dueBy, null);
    }
}
