package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One overlay of deploy/ as the cluster would receive it: rendered by {@code kubectl kustomize} (no cluster needed),
 * split into its objects. Rendering is slow-ish, so each overlay is rendered once per test JVM.
 */
record RenderedOverlay(String name, List<JsonNode> objects) {

    /** Every overlay an operator may deploy. A new overlay directory is picked up without touching the tests. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(deployDir().resolve("overlays"))) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertThat(names).as("overlays under deploy/overlays").contains("dev", "prod");
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<RenderedOverlay> all() {
        return names().stream().map(RenderedOverlay::of);
    }

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static RenderedOverlay of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, RenderedOverlay::render);
    }

    static Path repositoryRoot() {
        // Surefire runs in the module folder, local-stack/system-tests.
        Path root = Path.of("../..").toAbsolutePath().normalize();
        assertThat(root.resolve("deploy")).as("deploy/ at the repository root").isDirectory();
        return root;
    }

    static Path deployDir() {
        return repositoryRoot().resolve("deploy");
    }

    private static RenderedOverlay render(String overlay) {
        Path dir = deployDir().resolve("overlays").resolve(overlay);
        String kubectl = kubectl(System.getenv());
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + errors);
            }
            List<JsonNode> objects = new ArrayList<>();
            try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(out.toFile())) {
                documents.forEachRemaining(node -> {
                    if (node != null && !node.isNull() && !node.isEmpty()) {
                        objects.add(node);
                    }
                });
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            assertThat(objects).as("objects rendered from " + dir).isNotEmpty();
            return new RenderedOverlay(overlay, List.copyOf(objects));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not run " + kubectl + " kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * kubectl from $KUBECTL or the PATH. Its absence fails the build with instructions: the manifests would go
     * unchecked otherwise.
     */
    static String kubectl(Map<String, String> environment) {
        Optional<String> configured = Optional.ofNullable(environment.get("KUBECTL")).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            if (!Files.isExecutable(Path.of(configured.get()))) {
                return fail("KUBECTL is set to " + configured.get() + ", which is not an executable file.");
            }
            return configured.get();
        }
        String path = Optional.ofNullable(environment.get("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("kubectl is not on the PATH: the deploy/ overlays are rendered with `kubectl kustomize` "
                + "(no cluster needed). Install kubectl (https://kubernetes.io/docs/tasks/tools/) or set KUBECTL "
                + "to its path, then run the tests again.");
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
    }

    Optional<JsonNode> find(String kind, String objectName) {
        return ofKind(kind).stream().filter(o -> objectName.equals(nameOf(o))).findFirst();
    }

    JsonNode get(String kind, String objectName) {
        return find(kind, objectName).orElseGet(() -> fail(this.name + ": no " + kind + " named " + objectName));
    }

    static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asString();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asString() + "/" + nameOf(object);
    }

    static ObjectMapper json() {
        return JSON;
    }

    @Override
    public String toString() {
        return name;
    }
}
