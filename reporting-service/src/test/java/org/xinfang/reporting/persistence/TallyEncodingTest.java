package org.xinfang.reporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.xinfang.reporting.domain.Tally;

class TallyEncodingTest {

    @Test
    void namesWithDotsDollarsAndPercentSurviveTheStore() {
        for (String name : new String[] {"教导处", "dept.a", "$office", "50%.x", "%2E"}) {
            assertThat(StoreKeys.decode(StoreKeys.encode(name))).isEqualTo(name);
            assertThat(StoreKeys.encode(name)).doesNotContain(".").doesNotStartWith("$");
        }
    }

    @Test
    void aTallyReadsBackAsWritten() {
        Tally tally = Tally.of(Map.of("received", 3L, "groupHeadcount", 40L),
                Map.of("department", Map.of("后勤处", 2L, "dept.a", 1L), "school", Map.of("s-1", 3L)),
                Map.of(5L, 2L, 300L, 1L), Map.of(1000L, 1L));
        Document stored = Document.parse(TallyStore.encode(tally).toJson());
        assertThat(TallyStore.decode(stored)).isEqualTo(tally);
        assertThat(TallyStore.decode(new Document("members", java.util.List.of("p-1")))).isEqualTo(new Tally());
    }
}
