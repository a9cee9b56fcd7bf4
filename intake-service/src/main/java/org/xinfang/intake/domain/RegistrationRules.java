package org.xinfang.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.contracts.vocabulary.Form;

/** The rules a registration must satisfy as a whole, beyond each field's own type and length. */
public final class RegistrationRules {

    /** The regulations let a group elect at most five representatives (代表人数不超过5人). */
    public static final int MAX_REPRESENTATIVES = 5;
    public static final int MAX_HEADCOUNT = 100_000;
    /** Clocks of clerks' devices drift; a little future is tolerated, a lot is a typo. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private RegistrationRules() {
    }

    public static List<FieldError> check(Registration r, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (r.form() == Form.INDIVIDUAL && r.headcount() != 1) {
            errors.add(new FieldError("headcount", "an individual petition has a headcount of 1; use form GROUP"));
        }
        if (r.form() == Form.GROUP && r.headcount() < 2) {
            errors.add(new FieldError("headcount", "a group petition has a headcount of at least 2"));
        }
        if (r.headcount() > MAX_HEADCOUNT) {
            errors.add(new FieldError("headcount", "must be at most " + MAX_HEADCOUNT));
        }
        int named = r.petitioners().size();
        if (r.form() == Form.GROUP && named > MAX_REPRESENTATIVES) {
            errors.add(new FieldError("petitioners", "a group elects at most " + MAX_REPRESENTATIVES
                    + " representatives, " + named + " given"));
        }
        if (r.form() == Form.INDIVIDUAL && named > 1) {
            errors.add(new FieldError("petitioners", "an individual petition names one petitioner"));
        }
        if (named > r.headcount() && r.headcount() >= 1) {
            errors.add(new FieldError("petitioners", "more petitioners (" + named + ") than the headcount ("
                    + r.headcount() + ")"));
        }
        if (r.anonymous()) {
            for (int i = 0; i < named; i++) {
                if (r.petitioners().get(i).carriesIdentity()) {
                    errors.add(new FieldError("petitioners[" + i + "]",
                            "an anonymous petition carries no name, phone, ID number or address"));
                }
            }
        } else if (r.petitioners().stream().noneMatch(p -> p.name() != null)) {
            errors.add(new FieldError("petitioners", "a named petitioner is required unless the petition is anonymous"));
        }
        if (r.occurredAt() != null && r.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("occurredAt", "lies in the future"));
        }
        return errors;
    }
}
