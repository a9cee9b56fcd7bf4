package org.xinfang.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * What the clerk submitted to register a petition, already well-typed; {@link RegistrationRules} decides whether
 * it makes sense as a whole.
 *
 * @param occurredAt when it happened, if the clerk knows (may be before receipt, e.g. a letter)
 */
public record Registration(
        Channel channel,
        Form form,
        int headcount,
        boolean escalated,
        boolean anonymous,
        List<Petitioner> petitioners,
        Subject subject,
        String title,
        String description,
        String place,
        Instant occurredAt,
        Set<RiskSignal> riskSignals) {

    public Registration {
        petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
        riskSignals = riskSignals == null ? Set.of() : Set.copyOf(riskSignals);
    }
}
