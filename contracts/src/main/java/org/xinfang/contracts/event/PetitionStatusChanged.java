package org.xinfang.contracts.event;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.PetitionState;

/** One step of a petition's life cycle, as recorded in intake's append-only history. */
public record PetitionStatusChanged(
        EventMeta meta,
        PetitionState from,
        PetitionState to,
        String actorRole,
        @OptionalField String actorId,
        @OptionalField String reason,
        @OptionalField String department,
        @OptionalField Instant dueBy) implements PipelineEvent {

    public PetitionStatusChanged {
        Required.present(meta, "meta");
        Required.present(from, "from");
        Required.present(to, "to");
        Required.text(actorRole, "actorRole");
    }
}
