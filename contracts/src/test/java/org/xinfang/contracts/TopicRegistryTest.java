package org.xinfang.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;

class TopicRegistryTest {

    @Test
    void namesFollowOneSchemeWithAVersionSuffix() {
        assertThat(Topics.allNames()).allMatch(n -> n.matches("xinfang\\.[a-z-]+\\.[a-z-]+(\\.dlt)?\\.v\\d+"));
        assertThat(new HashSet<>(Topics.allNames())).hasSize(Topics.allNames().size());
    }

    @Test
    void everyEventTypeHasItsOwnTopic() {
        List<Class<? extends PipelineEvent>> types = Topics.ALL.stream().<Class<? extends PipelineEvent>>map(Topic::valueType).toList();
        assertThat(new HashSet<>(types)).hasSize(Topics.ALL.size());
    }

    @Test
    void onlySnapshotsAreCompactedAndOnlyReportsAreKeyedByDistrict() {
        assertThat(Topics.ALL).filteredOn(Topic::compacted).containsExactly(Topics.DISTRICT_REPORT_UPDATED);
        assertThat(Topics.ALL).filteredOn(t -> t.keyedBy() == Topic.KeyedBy.DISTRICT)
                .containsExactly(Topics.DISTRICT_REPORT_UPDATED, Topics.REPORT_DIGEST_READY);
    }

    @Test
    void malformedTopicsAreRefused() {
        assertThatThrownBy(() -> new Topic<>("Petition", "received", 1, PipelineEvent.class, Topic.KeyedBy.PETITION_ID, 3, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("petition", "received", 0, PipelineEvent.class, Topic.KeyedBy.PETITION_ID, 3, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
