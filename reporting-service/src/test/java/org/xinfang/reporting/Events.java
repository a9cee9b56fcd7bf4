package org.xinfang.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EmergencyActivationDecided;
import org.xinfang.contracts.event.EmergencyActivationRequested;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/** Builders for the events reporting consumes, as the other services publish them. */
public final class Events {

    private Events() {
    }

    public static EventMeta meta(Class<?> type, String district, String school, String petitionId, Instant at) {
        return new EventMeta(UUID.randomUUID().toString(), type.getSimpleName(), 1, at, district, school, petitionId);
    }

    public static PetitionReceived received(String district, String school, String petitionId, Instant at,
                                            Channel channel, Form form, int headcount, boolean escalated) {
        return new PetitionReceived(meta(PetitionReceived.class, district, school, petitionId, at), channel, form,
                headcount, escalated, false, List.of(Relation.PARENT), null, "家长反映食堂卫生问题",
                "十余名家长在校门口聚集，反映食堂卫生差。", "学校正门", at, Set.of(RiskSignal.BLOCKING));
    }

    public static PetitionRouted routed(PetitionReceived cause, Instant at, Subject subject, String department,
                                        EmergencyLevel level) {
        return new PetitionRouted(meta(PetitionRouted.class, cause.meta().district(), cause.meta().school(),
                cause.meta().petitionId(), at), cause.meta().eventId(), subject, department, List.of(), level,
                List.of("keyword"), "rules-1", new Deadlines(cause.receivedAt().plus(Duration.ofDays(15)), 60, 30));
    }

    public static PetitionStatusChanged status(String district, String school, String petitionId, Instant at,
                                               PetitionState from, PetitionState to) {
        // As intake does: acceptance states the handling deadline it counted (here simply 60 days on).
        return new PetitionStatusChanged(meta(PetitionStatusChanged.class, district, school, petitionId, at), from, to,
                "DEPARTMENT", "officer-7", null, null, to == PetitionState.ACCEPTED ? at.plus(Duration.ofDays(60)) : null);
    }

    public static AlertRaised alert(String district, String school, String petitionId, Instant at, AlertKind kind) {
        return new AlertRaised(meta(AlertRaised.class, district, school, petitionId, at), UUID.randomUUID().toString(),
                kind, EmergencyLevel.ELEVATED, "LEADER", null, "集访 at the gate");
    }

    public static EmergencyActivationRequested emergencyRequested(String district, String school, String petitionId,
                                                                  Instant at, String incidentId) {
        return new EmergencyActivationRequested(meta(EmergencyActivationRequested.class, district, school, petitionId, at),
                incidentId, EmergencyLevel.HIGH, "group petition", false);
    }

    public static EmergencyActivationDecided emergencyDecided(String district, String school, String petitionId,
                                                              Instant at, String incidentId, boolean approved) {
        return new EmergencyActivationDecided(meta(EmergencyActivationDecided.class, district, school, petitionId, at),
                incidentId, approved, "leader-1", "LEADER", null);
    }
}
