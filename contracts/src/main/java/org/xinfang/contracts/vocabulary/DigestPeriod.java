package org.xinfang.contracts.vocabulary;

/** How much time a scheduled digest covers. */
public enum DigestPeriod {
    /** The previous calendar day. */
    DAILY,
    /** The previous ISO week, Monday to Sunday. */
    WEEKLY
}
