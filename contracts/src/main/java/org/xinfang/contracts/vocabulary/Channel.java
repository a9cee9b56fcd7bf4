package org.xinfang.contracts.vocabulary;

/** How a petition reached the school. */
public enum Channel {
    /** 来访: in person, usually at the gate. */
    VISIT,
    /** 来信 */
    LETTER,
    /** 电话 */
    PHONE,
    /** 网上 */
    ONLINE,
    EMAIL
}
