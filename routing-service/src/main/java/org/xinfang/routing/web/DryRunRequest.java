package org.xinfang.routing.web;

import org.xinfang.kit.web.ApiProblem;
import org.xinfang.kit.web.FieldReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.PetitionToRoute;

/**
 * A petition to route without effect. Like a received event it carries no petitioner identity: routing never needs
 * one. {@code receivedAt} defaults to now.
 */
record DryRunRequest(Form form, Integer headcount, Boolean escalated, Subject subject, String title, String description,
                     Set<RiskSignal> riskSignals, Instant receivedAt) {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;

    PetitionToRoute toFacts(Instant now) {
        List<FieldReason> problems = new ArrayList<>();
        if (form == null) {
            problems.add(new FieldReason("form", "required: INDIVIDUAL or GROUP"));
        }
        if (headcount == null || headcount < 1) {
            problems.add(new FieldReason("headcount", "required, at least 1"));
        }
        text(title, "title", MAX_TITLE, problems);
        text(description, "description", MAX_DESCRIPTION, problems);
        if (riskSignals != null && riskSignals.contains(null)) {
            problems.add(new FieldReason("riskSignals", "must not contain null"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return new PetitionToRoute(form, headcount, Boolean.TRUE.equals(escalated), subject, title.strip(),
                description.strip(), riskSignals, receivedAt == null ? now : receivedAt);
    }

    private static void text(String value, String field, int max, List<FieldReason> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldReason(field, "required"));
        } else if (value.length() > max) {
            problems.add(new FieldReason(field, "at most " + max + " characters"));
        }
    }
}
