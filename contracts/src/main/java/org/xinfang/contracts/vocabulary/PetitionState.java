package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The legal life cycle of a petition (信访事项), from receipt to closing and the review steps after it. */
public enum PetitionState {
    RECEIVED("已登记"),
    ROUTED("已转办"),
    /** 受理 */
    ACCEPTED("已受理"),
    /** 不予受理, with a reason told to the petitioner. */
    NOT_ACCEPTED("不予受理"),
    /** 办理 */
    IN_PROGRESS("办理中"),
    /** 延期: handling time extended once, with approval. */
    EXTENDED("已延期"),
    /** 办结: answered in writing. */
    RESOLVED("已办结"),
    CLOSED("已结案"),
    /** 复查 requested. */
    REVIEW_REQUESTED("复查申请中"),
    REVIEWED("已复查"),
    /** 复核 requested. */
    RE_REVIEW_REQUESTED("复核申请中"),
    RE_REVIEWED("已复核"),
    @JsonEnumDefaultValue
    UNKNOWN("未知状态");

    private final String chineseName;

    PetitionState(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The state as the petitioner and the handler read it. */
    public String chineseName() {
        return chineseName;
    }
}
