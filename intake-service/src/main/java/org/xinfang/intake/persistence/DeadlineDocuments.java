package org.xinfang.intake.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.intake.domain.DayKind;
import org.xinfang.intake.domain.Deadline;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.domain.LegalStep;
import org.xinfang.intake.domain.TimeLimit;

/** A deadline as stored: the instant and everything it was counted by, so it reads back exactly as it was counted. */
final class DeadlineDocuments {

    /** What a deadline stored before deadlines kept their rules and calendars says it was counted by. */
    static final String COUNTED_BEFORE_CALENDARS = "counted-before-calendars";

    private DeadlineDocuments() {
    }

    static Document deadline(Deadline d) {
        if (d == null) {
            return null;
        }
        return new Document("step", d.step().name())
                .append("dueBy", Date.from(d.dueBy()))
                .append("eventDay", d.eventDay() == null ? null : d.eventDay().toString())
                .append("lastDay", d.lastDay().toString())
                .append("days", d.limit() == null ? null : d.limit().days())
                .append("kind", d.limit() == null ? null : d.limit().kind().name())
                .append("zone", d.zone().getId())
                .append("calendarVersions", d.calendarVersions())
                .append("calendarComplete", d.calendarComplete())
                .append("rulesVersion", d.rulesVersion())
                .append("pausedDays", d.pausedDays());
    }

    static Deadline deadline(Document d) {
        if (d == null) {
            return null;
        }
        Integer days = d.getInteger("days");
        String kind = d.getString("kind");
        String eventDay = d.getString("eventDay");
        return new Deadline(LegalStep.valueOf(d.getString("step")), d.getDate("dueBy").toInstant(),
                eventDay == null ? null : LocalDate.parse(eventDay), LocalDate.parse(d.getString("lastDay")),
                days == null || kind == null ? null : new TimeLimit(days, DayKind.valueOf(kind)),
                ZoneId.of(d.getString("zone")), d.getList("calendarVersions", String.class, List.of()),
                d.getBoolean("calendarComplete", false), d.getString("rulesVersion"), d.getInteger("pausedDays", 0));
    }

    /**
     * A petition stored before deadlines were counted by calendar keeps its instant, read as the deadline of the step
     * its state is waiting for; it names no calendar and says it is not complete.
     */
    static Deadline countedBeforeCalendars(PetitionState state, Instant dueBy) {
        if (dueBy == null) {
            return null;
        }
        LegalStep step = switch (state) {
            case RECEIVED, ROUTED -> LegalStep.ACCEPT;
            case EXTENDED -> LegalStep.EXTENSION;
            case REVIEW_REQUESTED -> LegalStep.REVIEW_ANSWER;
            case RE_REVIEW_REQUESTED -> LegalStep.RE_REVIEW_ANSWER;
            default -> LegalStep.HANDLE;
        };
        ZoneId zone = LegalRules.CHINA;
        return new Deadline(step, dueBy, null, LocalDate.ofInstant(dueBy, zone), null, zone, List.of(), false,
                COUNTED_BEFORE_CALENDARS, 0);
    }
}
