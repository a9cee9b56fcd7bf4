package org.xinfang.contracts.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WrittenTimeTest {

    @Test
    void timesAreWrittenInTheDistrictsZoneAsPeopleWriteThem() {
        assertThat(WrittenTime.of(Instant.parse("2026-12-03T07:04:00Z"), WrittenTime.DEFAULT_ZONE))
                .isEqualTo("2026年12月3日 15:04");
        // Half past midnight in Beijing is still the last day of the old year in UTC.
        assertThat(WrittenTime.of(Instant.parse("2026-12-31T16:30:00Z"), WrittenTime.DEFAULT_ZONE))
                .isEqualTo("2027年1月1日 00:30");
        assertThat(WrittenTime.dateOf(Instant.parse("2026-12-31T16:30:00Z"), WrittenTime.DEFAULT_ZONE))
                .isEqualTo("2027年1月1日");
    }

    @Test
    void aPeriodEndingAtMidnightEndsAt24OfItsLastDay() {
        assertThat(WrittenTime.endOf(Instant.parse("2026-12-17T16:00:00Z"), WrittenTime.DEFAULT_ZONE))
                .isEqualTo("2026年12月17日 24:00");
        assertThat(WrittenTime.endOf(Instant.parse("2026-12-17T07:30:00Z"), WrittenTime.DEFAULT_ZONE))
                .isEqualTo("2026年12月17日 15:30");
    }

    @Test
    void everyWordOfTheVocabularyHasAChineseName() {
        Stream.of(Channel.values(), Form.values(), PetitionState.values(), RiskSignal.values(), Relation.values(),
                        AlertKind.values(), EmergencyLevel.values(), Subject.values())
                .flatMap(Arrays::stream)
                .forEach(word -> assertThat(chineseName(word)).as(word.toString()).matches(".*\\p{IsHan}.*"));
        assertThat(Departments.chineseName("LOGISTICS")).isEqualTo("后勤处");
        assertThat(Departments.chineseName("心理辅导室")).as("a school's own department reads as named")
                .isEqualTo("心理辅导室");
    }

    private static String chineseName(Object word) {
        try {
            return (String) word.getClass().getMethod("chineseName").invoke(word);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(word + " has no chineseName()", e);
        }
    }
}
