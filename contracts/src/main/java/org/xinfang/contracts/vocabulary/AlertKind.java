package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a person is being alerted, in the terms of the emergency plan. */
public enum AlertKind {
    /** Ask the leadership group's leader to approve activating the plan (经组长批准,启动本预案). */
    ACTIVATION_REQUEST("启动预案请示"),
    /** Tell the responsible departments to go to the scene or to handle the petition. */
    DEPARTMENT_NOTICE("部门处置通知"),
    /** Violence or danger to people: police and 综治 at once. */
    POLICE_ALERT("报警"),
    /** Report to the education bureau's duty office. */
    BUREAU_ALERT("报告教育局"),
    /** The principal's leaders go to the scene and command. */
    PRINCIPAL_ALERT("主要领导到场"),
    DEADLINE_WARNING("时限提醒"),
    DEADLINE_LAPSED("超期督办"),
    @JsonEnumDefaultValue
    OTHER("其他提醒");

    private final String chineseName;

    AlertKind(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The kind as a recipient reads it. */
    public String chineseName() {
        return chineseName;
    }
}
