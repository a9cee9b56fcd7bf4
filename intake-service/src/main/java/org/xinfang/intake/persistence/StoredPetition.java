package org.xinfang.intake.persistence;

import java.util.List;
import java.util.Set;
import org.xinfang.intake.domain.Petition;

/**
 * A petition as read from the store: its optimistic-lock version, its outbox (the events not yet published, oldest
 * first), the ids of the consumed events already applied to it and the seal of its last history entry, which the next
 * entry's seal follows ({@link HistorySeal}).
 */
public record StoredPetition(Petition petition, long version, List<OutboxEntry> outbox, Set<String> appliedEvents,
                             String lastSeal) {

    public StoredPetition {
        outbox = List.copyOf(outbox);
        appliedEvents = Set.copyOf(appliedEvents);
    }
}
