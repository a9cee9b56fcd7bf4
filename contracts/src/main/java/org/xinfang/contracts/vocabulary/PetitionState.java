package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The legal life cycle of a petition (信访事项), from receipt to closing and the review steps after it. */
public enum PetitionState {
    RECEIVED,
    ROUTED,
    /** 受理 */
    ACCEPTED,
    /** 不予受理, with a reason told to the petitioner. */
    NOT_ACCEPTED,
    /** 办理 */
    IN_PROGRESS,
    /** 延期: handling time extended once, with approval. */
    EXTENDED,
    /** 办结: answered in writing. */
    RESOLVED,
    CLOSED,
    /** 复查 requested. */
    REVIEW_REQUESTED,
    REVIEWED,
    /** 复核 requested. */
    RE_REVIEW_REQUESTED,
    RE_REVIEWED,
    @JsonEnumDefaultValue
    UNKNOWN
}
