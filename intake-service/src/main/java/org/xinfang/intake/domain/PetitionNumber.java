package org.xinfang.intake.domain;

/**
 * The number people say on the phone and write on the reply letter, in the form of Chinese official document
 * numbers: the school's short name, the year in 〔〕 and the sequence, e.g. 东区一小〔2026〕17号. Unique per school
 * and year because the sequence is drawn atomically per school and year.
 */
public final class PetitionNumber {

    private PetitionNumber() {
    }

    public static String of(School school, int year, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("a petition number's sequence starts at 1, was " + sequence);
        }
        return school.shortName() + "〔" + year + "〕" + sequence + "号";
    }
}
