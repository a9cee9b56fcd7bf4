package org.xinfang.intake.domain;

/**
 * What a person submits with a step: a reason (required to refuse or extend), a written reply (required to resolve
 * or to answer a review) and, for an extension, the number of days.
 */
public record ActionRequest(String reason, String reply, Integer days) {

    public static final ActionRequest EMPTY = new ActionRequest(null, null, null);
}
