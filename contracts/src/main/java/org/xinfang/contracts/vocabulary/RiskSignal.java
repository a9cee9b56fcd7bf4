package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What the emergency plan treats as a reason to act at once. */
public enum RiskSignal {
    /** 打、砸、抢、烧 */
    VIOLENCE,
    /** A threat to someone's life or body: 跳楼, 自残, 持刀 … */
    DANGER_TO_PEOPLE,
    /** 堵门, disrupting classes or offices. */
    BLOCKING,
    /** 媒体, 舆情, 网上曝光. */
    MEDIA_ATTENTION,
    @JsonEnumDefaultValue
    OTHER
}
