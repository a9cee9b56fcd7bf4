package org.xinfang.notification.domain;

/** Who an alert is for, in the roles the emergency plan names. */
public enum RecipientRole {
    /** 信访工作领导小组组长: approves activating the plan. */
    LEADER,
    /** 副组长: stands in when the leader does not answer. */
    DEPUTY,
    /** The school's principal leaders, who go to the scene and command. */
    PRINCIPAL,
    /** The head of a responsible department; the alert names the department. */
    DEPARTMENT,
    /** Local police and the 综治 office. */
    POLICE,
    /** The education bureau's duty office. */
    BUREAU_DUTY,
    /** The education bureau's analysts: district digests, never alerts about a person's safety. */
    BUREAU_ANALYST,
    /** 办公室: liaison, supervision and statistics for every petition. */
    GENERAL_OFFICE
}
