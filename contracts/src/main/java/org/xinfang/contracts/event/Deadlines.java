package org.xinfang.contracts.event;

import java.time.Instant;

/**
 * The legal time limits that apply to one petition: acceptance is due at a fixed instant after receipt; handling
 * and extension are counted from acceptance, which has not happened yet when routing decides.
 */
public record Deadlines(Instant acceptBy, Integer handleWithinDays, Integer extensionMaxDays) {

    public Deadlines {
        Required.present(acceptBy, "deadlines.acceptBy");
        Required.present(handleWithinDays, "deadlines.handleWithinDays");
        Required.present(extensionMaxDays, "deadlines.extensionMaxDays");
    }
}
