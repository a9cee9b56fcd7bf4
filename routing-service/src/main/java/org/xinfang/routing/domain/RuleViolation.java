package org.xinfang.routing.domain;

/** Why a rule set cannot be saved: the field at fault and the reason, as the API reports it. */
public record RuleViolation(String field, String reason) {
}
