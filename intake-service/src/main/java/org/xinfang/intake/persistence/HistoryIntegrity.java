package org.xinfang.intake.persistence;

/**
 * The outcome of checking one petition's sealed history: intact, or broken at an entry (counted from 0; the
 * entry count when the petition's state disagrees with its last entry) and why, in Chinese for the operator.
 */
public record HistoryIntegrity(String petitionId, String number, int entries, int unsealed, boolean intact,
                               Integer brokenAt, String reason) {

    static HistoryIntegrity intact(String petitionId, String number, int entries, int unsealed) {
        return new HistoryIntegrity(petitionId, number, entries, unsealed, true, null, null);
    }

    static HistoryIntegrity broken(String petitionId, String number, int entries, int position, String reason) {
        return new HistoryIntegrity(petitionId, number, entries, 0, false, position, reason);
    }
}
