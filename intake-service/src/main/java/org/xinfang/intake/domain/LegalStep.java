package org.xinfang.intake.domain;

/** The steps the law gives a time limit, each counted from the event that opens it. */
public enum LegalStep {
    /** Decide whether to accept, counted from receipt. */
    ACCEPT("受理期限"),
    /** Handle and reply, counted from acceptance. */
    HANDLE("办理期限"),
    /** The longest extension of the handling limit, counted from the end of that limit. */
    EXTENSION("延期"),
    /** The petitioner may ask for a review (复查), counted from the reply. */
    REVIEW_REQUEST("复查申请期限"),
    /** The review is answered, counted from the request; a hearing's days do not count. */
    REVIEW_ANSWER("复查答复期限"),
    /** The petitioner may ask for a re-review (复核), counted from the review's answer. */
    RE_REVIEW_REQUEST("复核申请期限"),
    /** The re-review is answered, counted from the request; a hearing's days do not count. */
    RE_REVIEW_ANSWER("复核答复期限");

    private final String chinese;

    LegalStep(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Answers to reviews are the limits a hearing (听证) pauses. */
    public boolean pausedByHearings() {
        return this == REVIEW_ANSWER || this == RE_REVIEW_ANSWER;
    }

    /** The field name of this step in a rule set's JSON: acceptWithin, handleWithin, … */
    public String field() {
        return switch (this) {
            case ACCEPT -> "acceptWithin";
            case HANDLE -> "handleWithin";
            case EXTENSION -> "extensionMax";
            case REVIEW_REQUEST -> "reviewRequestWithin";
            case REVIEW_ANSWER -> "reviewAnswerWithin";
            case RE_REVIEW_REQUEST -> "reReviewRequestWithin";
            case RE_REVIEW_ANSWER -> "reReviewAnswerWithin";
        };
    }
}
