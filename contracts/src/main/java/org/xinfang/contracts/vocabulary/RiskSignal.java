package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What the emergency plan treats as a reason to act at once. */
public enum RiskSignal {
    /** 打、砸、抢、烧 */
    VIOLENCE("打砸抢烧"),
    /** A threat to someone's life or body: 跳楼, 自残, 持刀 … */
    DANGER_TO_PEOPLE("危及人身安全"),
    /** 堵门, disrupting classes or offices. */
    BLOCKING("堵门或扰乱教学秩序"),
    /** 媒体, 舆情, 网上曝光. */
    MEDIA_ATTENTION("媒体或网络关注"),
    @JsonEnumDefaultValue
    OTHER("其他风险");

    private final String chineseName;

    RiskSignal(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The signal as an alert names it. */
    public String chineseName() {
        return chineseName;
    }
}
