package org.xinfang.intake.domain;

import java.util.List;
import org.xinfang.contracts.event.PipelineEvent;

/**
 * The outcome of one step: the petition after it, the history entries it appends and the events to publish. The
 * store writes all three in one single-document update, so none exists without the others.
 */
public record PetitionChange(Petition after, List<HistoryEntry> appended, List<PipelineEvent> events) {

    public PetitionChange {
        appended = List.copyOf(appended);
        events = List.copyOf(events);
    }
}
