package org.xinfang.intake.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;

/**
 * Reads request bodies strictly: one JSON object, valid UTF-8, no duplicate keys, no trailing data, bounded depth
 * and sizes, and no key that MongoDB could read as an operator or a path ({@code $}, {@code .}).
 */
final class JsonBodies {

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(8)
                            .maxStringLength(100_000)
                            .maxNumberLength(20)
                            .maxDocumentLength(300_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidPetitionException(List.of(new FieldError("body", "a JSON object is required")));
        }
        if (!isUtf8(body)) {
            throw new InvalidPetitionException(List.of(new FieldError("body", "is not valid UTF-8")));
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPetitionException(List.of(new FieldError("body", "not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPetitionException(List.of(new FieldError("body", "a JSON object is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        checkKeys(root, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        return root;
    }

    /**
     * The JDK's decoder is strict (it refuses overlong forms and encoded surrogates, which the JSON parser lets
     * through), so the body is checked with it before parsing.
     */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Mongo reads {@code $x} keys as operators and {@code a.b} as paths: refuse them wherever they appear. */
    private static void checkKeys(JsonNode node, String path, List<FieldError> errors) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                String at = path.isEmpty() ? key : path + "." + key;
                if (key.isEmpty() || key.indexOf('$') >= 0 || key.indexOf('.') >= 0 || key.indexOf('\0') >= 0) {
                    errors.add(new FieldError(at, "field names may not be empty or contain '$', '.' or NUL"));
                } else {
                    checkKeys(field.getValue(), at, errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkKeys(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }
}
