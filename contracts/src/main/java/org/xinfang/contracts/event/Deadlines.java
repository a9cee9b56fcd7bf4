package org.xinfang.contracts.event;

import java.time.Instant;

/**
 * The legal time limits that apply to one petition, as intake counted them on receipt: acceptance is due at
 * {@code acceptBy} (24:00 of a day in the district's zone, as {@code acceptBasis} tells); handling and the longest
 * extension are counted from acceptance, which has not happened yet. Routing passes them on unchanged.
 */
public record Deadlines(Instant acceptBy, Integer handleWithinDays, Integer extensionMaxDays,
                        @OptionalField DeadlineBasis acceptBasis) {

    public Deadlines {
        Required.present(acceptBy, "deadlines.acceptBy");
        Required.present(handleWithinDays, "deadlines.handleWithinDays");
        Required.present(extensionMaxDays, "deadlines.extensionMaxDays");
    }

    public Deadlines(Instant acceptBy, Integer handleWithinDays, Integer extensionMaxDays) {
        this(acceptBy, handleWithinDays, extensionMaxDays, null);
    }
}
