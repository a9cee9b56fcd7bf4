package org.xinfang.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.topic.Topics;

/** A petition's record is its event, or an EventFormatException saying why it can never be (for its dead letter). */
class PetitionRecordsTest {

    @Test
    void theCommittedExampleIsReadWithItsPetition() throws IOException {
        PetitionEscalated escalated = PetitionRecords.read(record(example()), PetitionEscalated.class);
        assertThat(escalated.meta().petitionId()).isNotBlank();
    }

    @Test
    void anEmptyRecordIsUnreadable() {
        assertThatThrownBy(() -> PetitionRecords.read(record(null), PetitionEscalated.class))
                .isInstanceOf(EventFormatException.class).hasMessage("PetitionEscalated: empty record");
    }

    @Test
    void anEventThatNamesNoPetitionIsUnreadable() throws IOException {
        String json = new String(example(), StandardCharsets.UTF_8);
        String withoutPetition = json.replaceFirst("\"petitionId\"\\s*:\\s*\"[^\"]*\"", "\"petitionId\":\" \"");
        assertThat(withoutPetition).isNotEqualTo(json);
        assertThatThrownBy(() -> PetitionRecords.read(record(withoutPetition.getBytes(StandardCharsets.UTF_8)),
                PetitionEscalated.class))
                .isInstanceOf(EventFormatException.class).hasMessage("PetitionEscalated: missing meta.petitionId");
    }

    @Test
    void aRecordThatIsNotTheEventsJsonIsUnreadable() {
        assertThatThrownBy(() -> PetitionRecords.read(record("{not json".getBytes(StandardCharsets.UTF_8)),
                PetitionEscalated.class)).isInstanceOf(EventFormatException.class);
    }

    private static byte[] example() throws IOException {
        try (InputStream in = PetitionRecordsTest.class.getResourceAsStream("/examples/xinfang.petition.escalated.v1.json")) {
            return in.readAllBytes();
        }
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.PETITION_ESCALATED.name(), 0, 0L, "p-1", value);
    }
}
