package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a service's own code does with Kafka, read from its main sources and configuration rather than written down a
 * second time: the topics it produces (those whose event it constructs: the suite has no other way to publish), the
 * topics it consumes (those of the registry it names and does not produce), the dead-letter topics of what it
 * consumes (every consumer sets unreadable records aside, the kit's DeadLetters), and its consumer groups.
 */
record ServiceCode(Suite service, Set<String> produces, Set<String> consumes, Set<String> groups) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** A placeholder with a default, ${NAME:default}: the value the service runs with when nothing overrides it. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:([^}]*)}");
    private static final Pattern GROUP_DEFAULT = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\) String consumerGroup");

    static ServiceCode of(Suite service) {
        String sources = mainSources(service);
        Set<String> produces = new TreeSet<>();
        Set<String> consumes = new TreeSet<>();
        constants().forEach((constant, topic) -> {
            boolean constructs = sources.contains("new " + topic.valueType().getSimpleName() + "(");
            boolean names = Pattern.compile("Topics\\)?\\." + constant + "\\b").matcher(sources).find();
            if (constructs) {
                produces.add(topic.name());
            } else if (names) {
                consumes.add(topic.name());
            }
        });
        if (!consumes.isEmpty()) {
            // The suite's one way to set an unreadable record aside; without it the dead-letter rule below is wrong.
            assertThat(sources).as(service + " consumes and dead-letters through the kit").contains("DeadLetters");
            Topics.ALL.stream().filter(t -> consumes.contains(t.name())).forEach(t -> produces.add(t.deadLetterName()));
        }
        Set<String> groups = new TreeSet<>();
        String group = defaultsOf(configuration(service).path("spring").path("kafka").path("consumer")
                .path("group-id").asString(""));
        if (!group.isEmpty()) {
            groups.add(group);
        }
        Matcher declared = GROUP_DEFAULT.matcher(sources);
        while (declared.find()) {
            groups.add(declared.group(1));
        }
        return new ServiceCode(service, Set.copyOf(produces), Set.copyOf(consumes), Set.copyOf(groups));
    }

    boolean usesKafka() {
        return !produces.isEmpty() || !consumes.isEmpty();
    }

    /** The registry's topics by the name of their constant in {@link Topics}. */
    static Map<String, Topic<?>> constants() {
        Map<String, Topic<?>> constants = new LinkedHashMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Topic.class.isAssignableFrom(field.getType())) {
                try {
                    constants.put(field.getName(), (Topic<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(constants.values()).as("every registry topic has a constant").containsExactlyInAnyOrderElementsOf(
                Topics.ALL);
        return constants;
    }

    static String mainSources(Suite service) {
        Path root = RenderedOverlay.repositoryRoot().resolve(service.name()).resolve("src/main/java");
        assertThat(root).as(service + " sources").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(ServiceCode::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first document of the service's application.yml: the configuration of the local (default) profile. */
    static JsonNode configuration(Suite service) {
        return documents(resource(service, "application.yml")).get(0);
    }

    /**
     * What the kubernetes profile adds, flattened to property names: the documents of application.yml activated on
     * the kubernetes profile, then application-kubernetes.yml (Spring's order: the profile file wins).
     */
    static Map<String, String> kubernetesProfile(Suite service) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (JsonNode document : documents(resource(service, "application.yml"))) {
            if ("kubernetes".equals(document.at("/spring/config/activate/on-profile").asString(""))) {
                flatten("", document, properties);
            }
        }
        Path profile = resource(service, "application-kubernetes.yml");
        if (Files.isRegularFile(profile)) {
            documents(profile).forEach(document -> flatten("", document, properties));
        }
        return properties;
    }

    /** Every property of the default profile's document, flattened. */
    static Map<String, String> localProfile(Suite service) {
        Map<String, String> properties = new LinkedHashMap<>();
        flatten("", configuration(service), properties);
        return properties;
    }

    /** A value with each ${NAME:default} replaced by its default. */
    static String defaultsOf(String value) {
        return PLACEHOLDER.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(prefix, node.asString());
        }
    }

    private static Path resource(Suite service, String name) {
        return RenderedOverlay.repositoryRoot().resolve(service.name()).resolve("src/main/resources").resolve(name);
    }

    private static List<JsonNode> documents(Path file) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> all = documents.readAll().stream().filter(d -> d != null && !d.isNull()).toList();
            assertThat(all).as(file.toString()).isNotEmpty();
            return all;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
