package org.xinfang.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aWholeYearIsOneTile() {
        assertThat(Period.cover(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .containsExactly(new Period(Grain.YEAR, LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aRaggedRangeIsTiledExactlyWithoutGapsOrOverlaps() {
        LocalDate from = LocalDate.of(2025, 3, 13);
        LocalDate to = LocalDate.of(2026, 2, 20);
        List<Period> tiles = Period.cover(from, to);
        LocalDate expected = from;
        for (Period tile : tiles) {
            assertThat(tile.start()).isEqualTo(expected);
            expected = tile.end().plusDays(1);
        }
        assertThat(expected).isEqualTo(to.plusDays(1));
        assertThat(tiles).hasSizeLessThan(30)
                .contains(new Period(Grain.MONTH, LocalDate.of(2025, 4, 1)), new Period(Grain.MONTH, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void partsSumToTheWhole() {
        assertThat(new Period(Grain.YEAR, LocalDate.of(2024, 1, 1)).parts()).hasSize(12);
        assertThat(new Period(Grain.MONTH, LocalDate.of(2024, 2, 1)).parts()).hasSize(29);
        assertThat(Period.containing(Grain.WEEK, LocalDate.of(2026, 11, 28)).parts())
                .first().isEqualTo(new Period(Grain.DAY, LocalDate.of(2026, 11, 23)));
    }

    @Test
    void aPeriodMustStartOnItsGrainsBoundary() {
        assertThatThrownBy(() -> new Period(Grain.MONTH, LocalDate.of(2026, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
