package org.xinfang.contracts.vocabulary;

/** Ordered from least to most urgent; {@link #atLeast} compares by that order. */
public enum EmergencyLevel {
    ROUTINE,
    ELEVATED,
    HIGH,
    CRITICAL;

    public boolean atLeast(EmergencyLevel other) {
        return compareTo(other) >= 0;
    }
}
