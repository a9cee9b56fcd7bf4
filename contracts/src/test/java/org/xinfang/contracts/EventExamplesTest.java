package org.xinfang.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.OptionalField;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;
import tools.jackson.databind.node.ObjectNode;

/** Every topic has a committed example, and every example still reads the way consumers rely on. */
class EventExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleDeserializesAndRoundTrips() {
        return Topics.ALL.stream().map(topic -> DynamicTest.dynamicTest(topic.name(), () -> {
            PipelineEvent event = EventJson.read(example(topic), topic.valueType());
            assertThat(event.meta().type()).isEqualTo(topic.valueType().getSimpleName());
            assertThat(event.meta().schemaVersion()).isEqualTo(topic.version());
            assertThat(topic.keyOf(event)).isNotBlank();
            PipelineEvent again = EventJson.read(EventJson.write(event), topic.valueType());
            assertThat(again).isEqualTo(event);
        }));
    }

    @TestFactory
    Stream<DynamicTest> unknownFieldsAreIgnored() {
        return Topics.ALL.stream().map(topic -> DynamicTest.dynamicTest(topic.name(), () -> {
            ObjectNode tree = tree(topic);
            tree.put("addedInALaterVersion", "ignored");
            ((ObjectNode) tree.get("meta")).put("traceparent", "00-abc-def-01");
            PipelineEvent event = EventJson.mapper().treeToValue(tree, topic.valueType());
            assertThat(event).isEqualTo(EventJson.read(example(topic), topic.valueType()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> missingRequiredFieldsAreRejectedByName() {
        return Topics.ALL.stream().flatMap(topic -> requiredComponents(topic.valueType()).map(field ->
                DynamicTest.dynamicTest(topic.name() + " without " + field, () -> {
                    ObjectNode tree = tree(topic);
                    tree.remove(field);
                    byte[] json = EventJson.mapper().writeValueAsBytes(tree);
                    assertThatThrownBy(() -> EventJson.read(json, topic.valueType()))
                            .isInstanceOf(EventFormatException.class)
                            .hasMessageContaining("'" + field + "'");
                })));
    }

    @TestFactory
    Stream<DynamicTest> missingEnvelopeFieldsAreRejectedByName() {
        return requiredComponents(EventMeta.class).map(field -> DynamicTest.dynamicTest("meta without " + field, () -> {
            ObjectNode tree = tree(Topics.PETITION_RECEIVED);
            ((ObjectNode) tree.get("meta")).remove(field);
            byte[] json = EventJson.mapper().writeValueAsBytes(tree);
            assertThatThrownBy(() -> EventJson.read(json, Topics.PETITION_RECEIVED.valueType()))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessageContaining("'meta." + field + "'");
        }));
    }

    @TestFactory
    Stream<DynamicTest> optionalFieldsMayBeAbsent() {
        return Topics.ALL.stream().flatMap(topic -> optionalComponents(topic.valueType()).map(field ->
                DynamicTest.dynamicTest(topic.name() + " without " + field, () -> {
                    ObjectNode tree = tree(topic);
                    tree.remove(field);
                    PipelineEvent event = EventJson.mapper().treeToValue(tree, topic.valueType());
                    assertThat(event.meta()).isNotNull();
                })));
    }

    private static Stream<String> requiredComponents(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> !c.isAnnotationPresent(OptionalField.class))
                .map(RecordComponent::getName);
    }

    private static Stream<String> optionalComponents(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(OptionalField.class))
                .map(RecordComponent::getName);
    }

    private static ObjectNode tree(Topic<?> topic) {
        return (ObjectNode) EventJson.mapper().readTree(example(topic));
    }

    static byte[] example(Topic<?> topic) {
        String path = "/examples/" + topic.name() + ".json";
        try (InputStream in = EventExamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("committed example " + path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
