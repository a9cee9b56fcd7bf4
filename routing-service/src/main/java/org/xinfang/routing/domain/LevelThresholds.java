package org.xinfang.routing.domain;

import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * Configurable thresholds of the emergency level (docs/domain.md defaults: group of 5 → ELEVATED, escalated or 30 →
 * HIGH, 100 → CRITICAL). Violence and danger to people are not here: they are CRITICAL whatever is configured.
 *
 * @param blockingLevel the least level for blocking gates or classes
 * @param mediaLevel the least level for media or online attention
 */
public record LevelThresholds(int elevatedFromHeadcount, int highFromHeadcount, int criticalFromHeadcount,
                              EmergencyLevel escalatedLevel, EmergencyLevel blockingLevel, EmergencyLevel mediaLevel) {

    public LevelThresholds {
        if (elevatedFromHeadcount < 2 || highFromHeadcount < elevatedFromHeadcount
                || criticalFromHeadcount < highFromHeadcount) {
            throw new IllegalArgumentException("headcount thresholds must rise: elevated " + elevatedFromHeadcount
                    + " ≤ high " + highFromHeadcount + " ≤ critical " + criticalFromHeadcount);
        }
        if (escalatedLevel == null || blockingLevel == null || mediaLevel == null) {
            throw new IllegalArgumentException("escalated, blocking and media levels are required");
        }
    }

    public static LevelThresholds defaults() {
        return new LevelThresholds(5, 30, 100, EmergencyLevel.HIGH, EmergencyLevel.ELEVATED, EmergencyLevel.ELEVATED);
    }
}
