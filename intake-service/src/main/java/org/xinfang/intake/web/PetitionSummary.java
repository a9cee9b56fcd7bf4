package org.xinfang.intake.web;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.Petition;

/** One line of a list or inbox. Lists never carry identity, whoever asks: open the petition to see it. */
record PetitionSummary(String id, PetitionState state, Channel channel, Form form, int headcount, boolean escalated,
                       Subject subject, String title, String department, EmergencyLevel level, Instant receivedAt,
                       Instant dueBy, boolean overdue) {

    static PetitionSummary of(Petition p, Instant now) {
        return new PetitionSummary(p.id(), p.state(), p.channel(), p.form(), p.headcount(), p.escalated(), p.subject(),
                p.title(), p.routing() == null ? null : p.routing().department(),
                p.routing() == null ? null : p.routing().level(), p.receivedAt(), p.handling().dueBy(), p.overdue(now));
    }
}
