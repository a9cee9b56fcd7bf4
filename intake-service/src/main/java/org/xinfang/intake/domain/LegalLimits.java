package org.xinfang.intake.domain;

/**
 * The legal time limits, in days (docs/domain.md; 信访工作条例). Configuration, because a province may set shorter ones.
 */
public record LegalLimits(int acceptWithinDays, int handleWithinDays, int extensionMaxDays, int reviewRequestWithinDays,
                          int reviewAnswerWithinDays, int reReviewRequestWithinDays, int reReviewAnswerWithinDays) {

    public static final LegalLimits NATIONAL_DEFAULTS = new LegalLimits(15, 60, 30, 30, 30, 30, 30);

    public LegalLimits {
        if (acceptWithinDays < 1 || handleWithinDays < 1 || extensionMaxDays < 0 || reviewRequestWithinDays < 1
                || reviewAnswerWithinDays < 1 || reReviewRequestWithinDays < 1 || reReviewAnswerWithinDays < 1) {
            throw new IllegalArgumentException("legal limits must be positive days");
        }
    }
}
