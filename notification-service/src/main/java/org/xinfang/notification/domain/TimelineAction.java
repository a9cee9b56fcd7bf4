package org.xinfang.notification.domain;

/**
 * What happened on the scene, in the plan's words (sections 四 and 六). The accountability section asks for who did
 * each of these and when.
 */
public enum TimelineAction {
    /** Responsible people arrived on the scene. */
    ARRIVED,
    /** Found out the facts and explained the policy (宣传政策). */
    EXPLAINED_POLICY,
    /** Persuaded and guided the petitioners back (疏导、劝返). */
    PERSUADED_TO_RETURN,
    /** Moved the petitioners away from the offices. */
    MOVED_AWAY,
    /** Reported to the local police and the 综治 office. */
    POLICE_CALLED,
    /** The incident on the scene is over. */
    RESOLVED,
    /** The facts and the handling were reported to the education bureau. */
    REPORTED_TO_BUREAU,
    /** Recorded by the service itself when the leader decides. */
    ACTIVATION_APPROVED,
    ACTIVATION_DECLINED
}
