package org.xinfang.notification.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;

/**
 * Consumes routing's decisions, a poll at a time. A record that cannot be read goes to the dead-letter topic with the
 * reason and the consumer carries on; any other failure (store or broker down) is retried by the container (the whole
 * poll again, which is idempotent), and the offset is committed only after the alerts are stored and published.
 */
@Component
class RoutedPetitionConsumer {


    private final AlertRaiser raiser;
    private final DeadlineWatch deadlines;
    private final DeadLetters deadLetters;

    RoutedPetitionConsumer(AlertRaiser raiser, DeadlineWatch deadlines, DeadLetters deadLetters) {
        this.raiser = raiser;
        this.deadlines = deadlines;
        this.deadLetters = deadLetters;
    }

    // The group is spring.kafka.consumer.group-id (the service name), not the listener id. One call per poll: the
    // poll's petitions are stored, delivered and published together (a few round trips per poll, not per event).
    @KafkaListener(id = "routed-petitions", idIsGroup = false, topics = "#{T(org.xinfang.contracts.topic.Topics).PETITION_ROUTED.name()}",
            concurrency = "${xinfang.notification.consumer-concurrency:3}", batch = "true",
            autoStartup = "${xinfang.notification.routed.auto-startup:true}")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<PetitionRouted> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (record.value() == null) {
                    throw new EventFormatException("PetitionRouted: empty record", null);
                }
                readable.add(EventJson.read(record.value(), PetitionRouted.class));
            } catch (EventFormatException e) {
                deadLetters.send(Topics.PETITION_ROUTED, record, e.getMessage());
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        // Alerts first: a critical alert must not wait for the deadline bookkeeping.
        raiser.onRouted(readable);
        // A decision after an escalation changes how urgent a petition is, not its legal limits: those were set by
        // the decision on receipt (and may have moved on since, with acceptance), so they are left as they stand.
        List<PetitionRouted> onReceipt = readable.stream().filter(r -> !r.answersEscalation()).toList();
        if (!onReceipt.isEmpty()) {
            deadlines.onRouted(onReceipt);
        }
    }
}
