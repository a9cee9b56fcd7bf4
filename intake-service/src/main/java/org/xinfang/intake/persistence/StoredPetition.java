package org.xinfang.intake.persistence;

import java.util.List;
import java.util.Set;
import org.xinfang.intake.domain.Petition;

/**
 * A petition as read from the store: its optimistic-lock version, its outbox (the events not yet published, oldest
 * first) and the ids of the consumed events already applied to it.
 */
public record StoredPetition(Petition petition, long version, List<OutboxEntry> outbox, Set<String> appliedEvents) {

    public StoredPetition {
        outbox = List.copyOf(outbox);
        appliedEvents = Set.copyOf(appliedEvents);
    }
}
