package org.xinfang.localstack.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a query pins down field by field, for choosing an index: single values, lists ({@code $in}) and ranges, read
 * from the query's top level and from {@code $and} (the driver writes {@code Filters.and} that way). Anything this
 * does not understand ({@code $or}, {@code null}, arrays, regular expressions, sub-documents) is left out: it only
 * narrows what the index is asked for less, and the query itself still decides what matches.
 */
final class Conditions {

    record Range(Object lower, Object upper) {
    }

    private final Map<String, Object> equal = new HashMap<>();
    private final Map<String, List<?>> lists = new HashMap<>();
    private final Map<String, Object> lower = new HashMap<>();
    private final Map<String, Object> upper = new HashMap<>();

    private Conditions() {
    }

    static Conditions of(Document query) {
        Conditions conditions = new Conditions();
        conditions.read(query);
        return conditions;
    }

    private void read(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        read(document);
                    }
                }
            } else if (!field.startsWith("$")) {
                readField(field, value);
            }
        }
    }

    private void readField(String field, Object value) {
        if (value instanceof Document operators) {
            if (operators.isEmpty() || !operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
                return;
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object operand = operator.getValue();
                switch (operator.getKey()) {
                    case "$eq" -> {
                        if (isPlain(operand)) {
                            equal.putIfAbsent(field, operand);
                        }
                    }
                    case "$in" -> {
                        if (operand instanceof List<?> values && !values.isEmpty()
                                && values.stream().allMatch(Conditions::isPlain)) {
                            lists.putIfAbsent(field, values);
                        }
                    }
                    case "$gt", "$gte" -> {
                        if (isPlain(operand)) {
                            lower.putIfAbsent(field, operand);
                        }
                    }
                    case "$lt", "$lte" -> {
                        if (isPlain(operand)) {
                            upper.putIfAbsent(field, operand);
                        }
                    }
                    default -> {
                        // $ne, $exists, $not, $elemMatch...: left to the query.
                    }
                }
            }
        } else if (isPlain(value)) {
            equal.putIfAbsent(field, value);
        }
    }

    /** A value that equals itself in an index: not null or missing (which match absent fields), arrays or patterns. */
    private static boolean isPlain(Object value) {
        return Missing.isNeitherNullNorMissing(value) && !(value instanceof Collection<?>)
                && !(value instanceof Document) && !BsonRegularExpression.isRegularExpression(value);
    }

    boolean isEmpty() {
        return equal.isEmpty() && lists.isEmpty() && lower.isEmpty() && upper.isEmpty();
    }

    boolean hasEquality(String field) {
        return equal.containsKey(field);
    }

    Object equality(String field) {
        return equal.get(field);
    }

    /** The values a field must be one of ({@code $in}), or null. */
    List<?> list(String field) {
        return lists.get(field);
    }

    /** The bounds on a field (either may be null), or null when the query sets none. */
    Range range(String field) {
        Object low = lower.get(field);
        Object high = upper.get(field);
        return low == null && high == null ? null : new Range(low, high);
    }

    /** Every key of the index has one value, or (for a one-key index) a list of values. */
    boolean pinsAll(List<IndexKey> keys) {
        if (keys.size() == 1) {
            String field = keys.get(0).getKey();
            return equal.containsKey(field) || lists.containsKey(field);
        }
        return equalsAll(keys);
    }

    boolean equalsAll(List<IndexKey> keys) {
        return keys.stream().allMatch(key -> equal.containsKey(key.getKey()));
    }

    /** The part of the query a unique index can look up directly. */
    Document lookup(Index<?> index) {
        Document lookup = new Document();
        for (IndexKey key : index.getKeys()) {
            String field = key.getKey();
            if (equal.containsKey(field)) {
                lookup.put(field, equal.get(field));
            } else {
                lookup.put(field, new Document("$in", lists.get(field)));
            }
        }
        return lookup;
    }
}
