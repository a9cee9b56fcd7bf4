package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a person is being alerted, in the terms of the emergency plan. */
public enum AlertKind {
    /** Ask the leadership group's leader to approve activating the plan (经组长批准,启动本预案). */
    ACTIVATION_REQUEST,
    /** Tell the responsible departments to go to the scene or to handle the petition. */
    DEPARTMENT_NOTICE,
    /** Violence or danger to people: police and 综治 at once. */
    POLICE_ALERT,
    /** Report to the education bureau's duty office. */
    BUREAU_ALERT,
    /** The principal's leaders go to the scene and command. */
    PRINCIPAL_ALERT,
    DEADLINE_WARNING,
    DEADLINE_LAPSED,
    @JsonEnumDefaultValue
    OTHER
}
