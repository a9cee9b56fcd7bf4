package org.xinfang.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * A school registered a petition. Deliberately carries no petitioner identity (names, phone, ID number, address):
 * those stay encrypted in intake. Other services see only the relation to the school and the headcount.
 * {@code deadlines} are the legal limits intake counted on receipt; absent only in events of an older intake.
 * {@code number} is the petition number people say and write (unique per school and year), {@code schoolName} the
 * school's name as people know it; both absent only in events of an older intake.
 */
public record PetitionReceived(
        EventMeta meta,
        Channel channel,
        Form form,
        Integer headcount,
        Boolean escalated,
        Boolean anonymous,
        @OptionalField List<Relation> petitionerRelations,
        @OptionalField Subject subject,
        String title,
        String description,
        @OptionalField String place,
        Instant receivedAt,
        @OptionalField Set<RiskSignal> riskSignals,
        @OptionalField Deadlines deadlines,
        @OptionalField String number,
        @OptionalField String schoolName) implements PipelineEvent {

    public PetitionReceived {
        Required.present(meta, "meta");
        Required.present(channel, "channel");
        Required.present(form, "form");
        Required.present(headcount, "headcount");
        Required.present(escalated, "escalated");
        Required.present(anonymous, "anonymous");
        Required.text(title, "title");
        Required.text(description, "description");
        Required.present(receivedAt, "receivedAt");
        if (headcount < 1) {
            throw new IllegalArgumentException("headcount must be at least 1, was " + headcount);
        }
        petitionerRelations = petitionerRelations == null ? List.of() : List.copyOf(petitionerRelations);
        riskSignals = riskSignals == null ? Set.of() : Set.copyOf(riskSignals);
    }

    public PetitionReceived(EventMeta meta, Channel channel, Form form, Integer headcount, Boolean escalated,
                            Boolean anonymous, List<Relation> petitionerRelations, Subject subject, String title,
                            String description, String place, Instant receivedAt, Set<RiskSignal> riskSignals) {
        this(meta, channel, form, headcount, escalated, anonymous, petitionerRelations, subject, title, description,
                place, receivedAt, riskSignals, null, null, null);
    }

    public PetitionReceived(EventMeta meta, Channel channel, Form form, Integer headcount, Boolean escalated,
                            Boolean anonymous, List<Relation> petitionerRelations, Subject subject, String title,
                            String description, String place, Instant receivedAt, Set<RiskSignal> riskSignals,
                            Deadlines deadlines) {
        this(meta, channel, form, headcount, escalated, anonymous, petitionerRelations, subject, title, description,
                place, receivedAt, riskSignals, deadlines, null, null);
    }
}
