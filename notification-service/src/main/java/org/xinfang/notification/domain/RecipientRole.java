package org.xinfang.notification.domain;

/** Who an alert is for, in the roles the emergency plan names. */
public enum RecipientRole {
    /** 信访工作领导小组组长: approves activating the plan. */
    LEADER("领导小组组长"),
    /** 副组长: stands in when the leader does not answer. */
    DEPUTY("领导小组副组长"),
    /** The school's principal leaders, who go to the scene and command. */
    PRINCIPAL("学校主要领导"),
    /** The head of a responsible department; the alert names the department. */
    DEPARTMENT("责任部门"),
    /** Local police and the 综治 office. */
    POLICE("公安、综治部门"),
    /** The education bureau's duty office. */
    BUREAU_DUTY("教育局值班室"),
    /** The education bureau's analysts: district digests, never alerts about a person's safety. */
    BUREAU_ANALYST("教育局统计人员"),
    /** 办公室: liaison, supervision and statistics for every petition. */
    GENERAL_OFFICE("办公室");

    private final String chineseName;

    RecipientRole(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The role as the plan names it, for every text a person reads. */
    public String chineseName() {
        return chineseName;
    }
}
