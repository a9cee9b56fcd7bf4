package org.xinfang.routing.domain;

import java.time.Instant;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * What routing needs to know about a petition; never who the petitioners are.
 *
 * @param subject the clerk's choice, or null (or UNKNOWN) to infer it from the text
 * @param riskSignals what the clerk saw; the text may add more
 */
public record PetitionToRoute(Form form, int headcount, boolean escalated, Subject subject, String title,
                            String description, Set<RiskSignal> riskSignals, Instant receivedAt) {

    public PetitionToRoute {
        riskSignals = riskSignals == null ? Set.of() : Set.copyOf(riskSignals);
        title = title == null ? "" : title;
        description = description == null ? "" : description;
    }
}
