package org.xinfang.intake.web;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.Petition;

/** One line of a list or inbox. Lists never carry identity, whoever asks: open the petition to see it. */
record PetitionSummary(String id, String number, PetitionState state, String stateName, Channel channel, Form form,
                       int headcount, boolean escalated, Subject subject, String title, String department,
                       String departmentName, EmergencyLevel level, Instant receivedAt, Instant dueBy,
                       boolean overdue) {

    static PetitionSummary of(Petition p, Instant now) {
        String department = p.routing() == null ? null : p.routing().department();
        return new PetitionSummary(p.id(), p.number(), p.state(), p.state().chineseName(), p.channel(), p.form(),
                p.headcount(), p.escalated(), p.subject(), p.title(), department,
                department == null ? null : Departments.chineseName(department),
                p.routing() == null ? null : p.routing().level(), p.receivedAt(), p.handling().dueBy(), p.overdue(now));
    }
}
