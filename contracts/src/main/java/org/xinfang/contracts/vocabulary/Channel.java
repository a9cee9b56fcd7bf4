package org.xinfang.contracts.vocabulary;

/** How a petition reached the school. */
public enum Channel {
    /** 来访: in person, usually at the gate. */
    VISIT("来访"),
    /** 来信 */
    LETTER("来信"),
    /** 电话 */
    PHONE("来电"),
    /** 网上 */
    ONLINE("网上信访"),
    EMAIL("电子邮件");

    private final String chineseName;

    Channel(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The channel as a clerk says it. */
    public String chineseName() {
        return chineseName;
    }
}
