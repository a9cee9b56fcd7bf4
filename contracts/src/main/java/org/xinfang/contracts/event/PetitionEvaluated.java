package org.xinfang.contracts.event;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Satisfaction;

/**
 * The petitioner rated how a closed petition was handled (满意度评价), once. Like every petition event it carries no
 * identity, and not the petitioner's comment either: a comment is free text that may name people, so it stays in
 * intake's record of the petition. Reporting counts ratings by school and department from this event alone.
 *
 * @param department the department that handled the petition, when routing had named one
 * @param channel    how the petition came in, so ratings of online and registered petitions can be told apart
 */
public record PetitionEvaluated(
        EventMeta meta,
        Satisfaction satisfaction,
        @OptionalField String department,
        Channel channel,
        Instant evaluatedAt) implements PipelineEvent {

    public PetitionEvaluated {
        Required.present(meta, "meta");
        Required.present(satisfaction, "satisfaction");
        Required.present(channel, "channel");
        Required.present(evaluatedAt, "evaluatedAt");
    }
}
