package org.xinfang.contracts.topic;

import java.util.List;
import java.util.stream.Stream;
import org.xinfang.contracts.event.AlertAcknowledged;
import org.xinfang.contracts.event.AlertEscalated;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.DistrictReportUpdated;
import org.xinfang.contracts.event.EmergencyActivationDecided;
import org.xinfang.contracts.event.EmergencyActivationRequested;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.event.PetitionEvaluated;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.event.ReportDigestReady;
import org.xinfang.contracts.topic.Topic.KeyedBy;

/** The registry of every topic in the pipeline. Deployment manifests and the local broker are checked against it. */
public final class Topics {

    /** Enough partitions for the services to scale out to a few consumers each. */
    private static final int PARTITIONS = 3;

    public static final Topic<PetitionReceived> PETITION_RECEIVED =
            new Topic<>("petition", "received", 1, PetitionReceived.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<PetitionRouted> PETITION_ROUTED =
            new Topic<>("petition", "routed", 1, PetitionRouted.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<PetitionStatusChanged> PETITION_STATUS_CHANGED =
            new Topic<>("petition", "status-changed", 1, PetitionStatusChanged.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    /** Escalations on the spot (the plan's 四(4)); a topic of its own, so a consumer of receipts never counts one twice. */
    public static final Topic<PetitionEscalated> PETITION_ESCALATED =
            new Topic<>("petition", "escalated", 1, PetitionEscalated.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    /** The petitioner's rating of a closed petition (满意度评价), given once through the public door. */
    public static final Topic<PetitionEvaluated> PETITION_EVALUATED =
            new Topic<>("petition", "evaluated", 1, PetitionEvaluated.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<AlertRaised> ALERT_RAISED =
            new Topic<>("alert", "raised", 1, AlertRaised.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<AlertAcknowledged> ALERT_ACKNOWLEDGED =
            new Topic<>("alert", "acknowledged", 1, AlertAcknowledged.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<AlertEscalated> ALERT_ESCALATED =
            new Topic<>("alert", "escalated", 1, AlertEscalated.class, KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<EmergencyActivationRequested> EMERGENCY_ACTIVATION_REQUESTED =
            new Topic<>("emergency", "activation-requested", 1, EmergencyActivationRequested.class,
                    KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<EmergencyActivationDecided> EMERGENCY_ACTIVATION_DECIDED =
            new Topic<>("emergency", "activation-decided", 1, EmergencyActivationDecided.class,
                    KeyedBy.PETITION_ID, PARTITIONS, false);
    public static final Topic<DistrictReportUpdated> DISTRICT_REPORT_UPDATED =
            new Topic<>("report", "district-updated", 1, DistrictReportUpdated.class, KeyedBy.DISTRICT, PARTITIONS, true);
    public static final Topic<ReportDigestReady> REPORT_DIGEST_READY =
            new Topic<>("report", "digest-ready", 1, ReportDigestReady.class, KeyedBy.DISTRICT, PARTITIONS, false);

    public static final List<Topic<?>> ALL = List.of(
            PETITION_RECEIVED, PETITION_ROUTED, PETITION_STATUS_CHANGED, PETITION_ESCALATED, PETITION_EVALUATED,
            ALERT_RAISED, ALERT_ACKNOWLEDGED, ALERT_ESCALATED,
            EMERGENCY_ACTIVATION_REQUESTED, EMERGENCY_ACTIVATION_DECIDED,
            DISTRICT_REPORT_UPDATED, REPORT_DIGEST_READY);

    private Topics() {
    }

    /** Every topic name the brokers must hold, dead-letter topics included. */
    public static List<String> allNames() {
        return ALL.stream().flatMap(t -> Stream.of(t.name(), t.deadLetterName())).toList();
    }
}
