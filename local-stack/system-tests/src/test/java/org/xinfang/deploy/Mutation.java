package org.xinfang.deploy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A copy of a rendered object with one field changed, to show that a check catches that kind of mistake. */
final class Mutation {

    private final JsonNode copy;

    private Mutation(JsonNode original) {
        this.copy = original.deepCopy();
    }

    static Mutation of(JsonNode original) {
        return new Mutation(original);
    }

    /** Sets {@code field} of the object at JSON pointer {@code at} to a JSON value. */
    JsonNode set(String at, String field, String jsonValue) {
        try {
            ((ObjectNode) copy.at(at)).set(field, RenderedOverlay.json().readTree(jsonValue));
            return copy;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Removes {@code field} of the object at JSON pointer {@code at}. */
    JsonNode remove(String at, String field) {
        ((ObjectNode) copy.at(at)).remove(field);
        return copy;
    }
}
