package org.xinfang.routing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;

/** Received petitions for tests, each with a fresh petition id and event id. */
public final class Petitions {

    public static final String DISTRICT = "d-east";
    public static final String SCHOOL = "s-east-01";

    private Petitions() {
    }

    /** What intake states on receipt; routing passes it on and never counts a deadline itself. */
    public static final Deadlines INTAKE_DEADLINES = new Deadlines(Instant.parse("2030-01-15T16:00:00Z"), 60, 30);

    public static PetitionReceived received(Form form, int headcount, String title, String description, RiskSignal... signals) {
        return received(DISTRICT, SCHOOL, form, headcount, false, title, description, signals);
    }

    public static PetitionReceived received(String district, String school, Form form, int headcount, boolean escalated,
                                            String title, String description, RiskSignal... signals) {
        String petitionId = "p-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new PetitionReceived(EventMeta.forPetition(PetitionReceived.class, district, school, petitionId, now),
                Channel.VISIT, form, headcount, escalated, false, List.of(Relation.PARENT), null, title, description,
                "学校正门", now.minusSeconds(30), Set.of(signals), INTAKE_DEADLINES);
    }

    /** The walking skeleton's petition: twelve parents at the gate about the canteen. */
    public static PetitionReceived canteenGroup() {
        return received(Form.GROUP, 12, "家长反映食堂卫生问题", "十余名家长在校门口聚集，反映学校食堂卫生条件差，要求学校说明情况。",
                RiskSignal.BLOCKING);
    }
}
