package org.xinfang.intake.domain;

/** One reason a request was refused, naming the field (a JSON path such as {@code petitioners[0].phone}). */
public record FieldError(String field, String reason) {
}
