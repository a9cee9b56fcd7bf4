package org.xinfang.intake.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.Petitioner;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.domain.RegistrationRules;

/** Turns a registration request body into a {@link Registration}, or refuses it listing every bad field. */
final class RegistrationReader {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_PLACE = 200;
    static final int MAX_NAME = 50;
    static final int MAX_ADDRESS = 200;
    /** More entries than representatives are allowed is still read, so the rule can name the count. */
    private static final int MAX_PETITIONER_ENTRIES = 50;

    private static final Set<String> FIELDS = Set.of("channel", "form", "headcount", "escalated", "anonymous",
            "petitioners", "subject", "title", "description", "place", "occurredAt", "riskSignals");
    private static final Set<String> PETITIONER_FIELDS = Set.of("name", "phone", "idNumber", "address", "relation");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,19}");
    /** A resident ID (18 characters, last may be X) or a passport-like number. */
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z]{6,18}");

    private RegistrationReader() {
    }

    static Registration read(byte[] body) {
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(root, "", errors);
        f.allowOnly(FIELDS);
        Channel channel = f.choice("channel", Channel.class, true, Set.of());
        Form form = f.choice("form", Form.class, true, Set.of());
        Integer headcount = f.integer("headcount", 1, RegistrationRules.MAX_HEADCOUNT);
        boolean escalated = f.flag("escalated");
        boolean anonymous = f.flag("anonymous");
        Subject subject = f.choice("subject", Subject.class, false, EnumSet.of(Subject.UNKNOWN));
        String title = f.text("title", true, MAX_TITLE, false);
        String description = f.text("description", true, MAX_DESCRIPTION, true);
        String place = f.text("place", false, MAX_PLACE, false);
        var occurredAt = f.instant("occurredAt");
        List<RiskSignal> signals = f.choices("riskSignals", RiskSignal.class, RiskSignal.values().length, Set.of());
        List<Petitioner> petitioners = new ArrayList<>();
        List<JsonNode> people = f.objects("petitioners", MAX_PETITIONER_ENTRIES);
        for (int i = 0; i < people.size(); i++) {
            FieldReader p = new FieldReader(people.get(i), "petitioners[" + i + "]", errors);
            p.allowOnly(PETITIONER_FIELDS);
            String name = p.text("name", false, MAX_NAME, false);
            String phone = p.matching("phone", PHONE, "must be a phone number of 3-20 digits");
            String idNumber = p.matching("idNumber", ID_NUMBER, "must be 6-18 letters or digits");
            String address = p.text("address", false, MAX_ADDRESS, false);
            Relation relation = p.choice("relation", Relation.class, true, Set.of());
            petitioners.add(new Petitioner(name, phone, idNumber, address, relation));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        return new Registration(channel, form, headcount, escalated, anonymous, petitioners, subject, title,
                description, place, occurredAt, new LinkedHashSet<>(signals));
    }
}
