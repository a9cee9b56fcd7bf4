package org.xinfang.intake.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.intake.domain.Escalation;
import org.xinfang.intake.domain.EscalationRules;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.RegistrationRules;
import tools.jackson.databind.JsonNode;

/** Reads an escalation's body {@code {riskSignals, headcount, escalated, note}}, naming every field it refuses. */
final class EscalationReader {

    private static final Set<String> FIELDS = Set.of("riskSignals", "headcount", "escalated", "note");

    private EscalationReader() {
    }

    static Escalation read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidPetitionException(List.of(new FieldError("note", "required: what happened")));
        }
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(root, "", errors);
        f.allowOnly(FIELDS);
        List<RiskSignal> signals = f.choices("riskSignals", RiskSignal.class, RiskSignal.values().length, Set.of());
        Integer headcount = root.has("headcount") && !root.get("headcount").isNull()
                ? f.integer("headcount", 1, RegistrationRules.MAX_HEADCOUNT) : null;
        boolean escalated = f.flag("escalated");
        // A missing note is the rules' to name, together with whatever else they refuse.
        String note = f.text("note", false, EscalationRules.MAX_NOTE, true);
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        return new Escalation(Set.copyOf(signals), headcount, escalated, note);
    }
}
