package org.xinfang.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.Action;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.IdentityInText;
import org.xinfang.intake.domain.Handling;
import org.xinfang.intake.domain.LifeCycle;
import org.xinfang.intake.domain.HistoryEntry;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.Petitioner;
import org.xinfang.intake.domain.DepartmentAssignment;

/**
 * A petition as answered over HTTP. {@code petitioners} (the identity) is present only for roles allowed to see it;
 * everyone else sees the petitioners' relations to the school. {@code deadline} is the deadline running and how it
 * was counted.
 */
record PetitionView(
        String id,
        String number,
        String district,
        String school,
        Channel channel,
        Form form,
        int headcount,
        boolean escalated,
        boolean anonymous,
        List<Relation> petitionerRelations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PetitionerView> petitioners,
        Subject subject,
        String title,
        String description,
        String place,
        Instant occurredAt,
        Instant receivedAt,
        List<RiskSignal> riskSignals,
        PetitionState state,
        String stateName,
        String department,
        String departmentName,
        List<String> coDepartments,
        EmergencyLevel level,
        String ruleSetVersion,
        Instant dueBy,
        DeadlineView deadline,
        boolean overdue,
        Handling handling,
        List<String> allowedActions,
        List<HistoryEntry> history,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> warnings) {

    record PetitionerView(String name, String phone, String idNumber, String address, Relation relation) {
    }


    static PetitionView of(Petition p, boolean withIdentity, Instant now) {
        DepartmentAssignment r = p.routing();
        return new PetitionView(p.id(), p.number(), p.district(), p.school(), p.channel(), p.form(), p.headcount(), p.escalated(),
                p.anonymous(), p.petitioners().stream().map(Petitioner::relation).toList(),
                withIdentity ? p.petitioners().stream().map(x -> new PetitionerView(x.name(), x.phone(), x.idNumber(),
                        x.address(), x.relation())).toList() : null,
                p.subject(), p.title(), p.description(), p.place(), p.occurredAt(), p.receivedAt(),
                p.riskSignals().stream().sorted().toList(), p.state(), p.state().chineseName(),
                r == null ? null : r.department(), r == null ? null : Departments.chineseName(r.department()),
                r == null ? List.of() : r.coDepartments(),
                r == null ? null : r.level(),
                r == null ? null : r.ruleSetVersion(),
                p.handling().dueBy(), DeadlineView.of(p.handling().due()), p.overdue(now), p.handling(),
                LifeCycle.allowedOn(p).stream().map(Action::pathName).toList(), p.history(),
                withIdentity ? IdentityInText.of(p) : List.of());
    }
}
