package org.xinfang.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void percentilesAreNearestRankOverTheMergedDistribution() {
        Map<Long, Long> hours = new TreeMap<>(Map.of(1L, 4L, 10L, 4L, 100L, 2L));
        assertThat(Tally.percentile(hours, 50)).isEqualTo(10L);
        assertThat(Tally.percentile(hours, 90)).isEqualTo(100L);
        assertThat(Tally.percentile(hours, 40)).isEqualTo(1L);
        assertThat(Tally.percentile(Map.of(), 50)).isNull();
    }

    @Test
    void mergingIsAdditiveAndEmptyTalliesAreNeutral() {
        Tally a = Tally.of(Map.of("received", 2L), Map.of("school", Map.of("s1", 2L)), Map.of(3L, 1L), Map.of());
        Tally b = Tally.of(Map.of("received", 1L), Map.of("school", Map.of("s2", 1L)), Map.of(3L, 1L), Map.of(9L, 1L));
        Tally sum = new Tally().merge(a).merge(b).merge(new Tally());
        assertThat(sum.total("received")).isEqualTo(3);
        assertThat(sum.counts().get("school")).containsEntry("s1", 2L).containsEntry("s2", 1L);
        assertThat(sum.hoursToAccept()).containsEntry(3L, 2L);
        assertThat(sum).isEqualTo(new Tally().merge(b).merge(a));
        assertThat(new Tally().totals()).containsKeys(Tally.TOTALS.toArray(String[]::new));
    }
}
