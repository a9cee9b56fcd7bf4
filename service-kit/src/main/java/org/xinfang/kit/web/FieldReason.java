package org.xinfang.kit.web;

/** One field of a refused request and why it was refused, as problem documents list them under {@code errors}. */
public record FieldReason(String field, String reason) {
}
