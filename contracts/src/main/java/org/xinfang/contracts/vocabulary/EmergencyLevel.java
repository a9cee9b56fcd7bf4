package org.xinfang.contracts.vocabulary;

/** Ordered from least to most urgent; {@link #atLeast} compares by that order. */
public enum EmergencyLevel {
    ROUTINE("一般（Ⅳ级）"),
    ELEVATED("较大（Ⅲ级）"),
    HIGH("重大（Ⅱ级）"),
    CRITICAL("特别重大（Ⅰ级）");

    private final String chineseName;

    EmergencyLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The level as Chinese emergency plans grade events, from Ⅳ (一般) to Ⅰ (特别重大). */
    public String chineseName() {
        return chineseName;
    }

    public boolean atLeast(EmergencyLevel other) {
        return compareTo(other) >= 0;
    }
}
