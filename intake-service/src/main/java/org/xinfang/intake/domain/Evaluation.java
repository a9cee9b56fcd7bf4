package org.xinfang.intake.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.Satisfaction;

/** The petitioner's rating of a closed petition (满意度评价) and what they wrote with it; given once. */
public record Evaluation(Satisfaction satisfaction, String comment, Instant at) {
}
