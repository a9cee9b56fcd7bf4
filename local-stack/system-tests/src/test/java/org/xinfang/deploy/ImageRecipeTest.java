package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The image recipes under deploy/images, checked statically (no container engine is needed, nor reachable here):
 * multi-stage, every base pinned to an exact version (never "latest"), a Temurin 17 JRE at run time, the Spring Boot
 * jar split into its layers with the tools jar mode, a numeric non-root user, and the operators' build command
 * documented in docs/operations.md.
 */
class ImageRecipeTest {

    private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern USER = Pattern.compile("(?i)^USER\\s+(\\S+)");
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    @TestFactory
    Stream<DynamicTest> everyServiceHasAHardenedRecipe() {
        return Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(), () -> {
            Path dockerfile = RenderedOverlay.deployDir().resolve("images").resolve(service.name()).resolve("Dockerfile");
            assertThat(dockerfile).isRegularFile();
            assertThat(violations(Files.readString(dockerfile), service)).isEmpty();
            Path ignore = dockerfile.resolveSibling("Dockerfile.dockerignore");
            assertThat(ignore).as("build output stays out of the build context").isRegularFile();
            assertThat(Files.readAllLines(ignore)).contains("**/target/");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theJarTheRecipeCopiesIsTheOneMavenBuilds() {
        return Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(), () -> {
            String pom = Files.readString(RenderedOverlay.repositoryRoot().resolve(service.name()).resolve("pom.xml"));
            assertThat(pom).contains("<artifactId>" + service.name() + "</artifactId>")
                    .contains("<finalName>${project.artifactId}</finalName>");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theBuildCommandIsDocumented() throws IOException {
        String operations = Files.readString(RenderedOverlay.repositoryRoot().resolve("docs/operations.md"));
        return Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(), () ->
                assertThat(operations).contains("docker build -f deploy/images/" + service.name() + "/Dockerfile")));
    }

    @TestFactory
    Stream<DynamicTest> theChecksCatchALooseRecipe() throws IOException {
        Suite gateway = Suite.SERVICES.get(0);
        String recipe = Files.readString(RenderedOverlay.deployDir().resolve("images/gateway/Dockerfile"));
        return Stream.of(
                DynamicTest.dynamicTest("latest base", () -> assertThat(violations(
                        recipe.replace("eclipse-temurin:17.0.17_10-jre-noble\n", "eclipse-temurin:latest\n"), gateway))
                        .isNotEmpty()),
                DynamicTest.dynamicTest("untagged base", () -> assertThat(violations(
                        recipe.replace("eclipse-temurin:17.0.17_10-jre-noble\n", "eclipse-temurin\n"), gateway))
                        .isNotEmpty()),
                DynamicTest.dynamicTest("root user", () -> assertThat(violations(
                        recipe.replace("USER 10001:10001", "USER root"), gateway)).isNotEmpty()),
                DynamicTest.dynamicTest("no user", () -> assertThat(violations(
                        recipe.replace("USER 10001:10001", ""), gateway)).isNotEmpty()),
                DynamicTest.dynamicTest("fat jar", () -> assertThat(violations(
                        recipe.replace("extract --layers --launcher", "extract"), gateway)).isNotEmpty()));
    }

    /** What is wrong with a recipe; empty when it is right. */
    static List<String> violations(String recipe, Suite service) {
        List<String> instructions = instructions(recipe);
        List<String> violations = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            Matcher from = FROM.matcher(instructions.get(i));
            if (from.find()) {
                bases.add(from.group(1));
                lastFrom = i;
            }
        }
        if (bases.size() < 2) {
            violations.add("not multi-stage: " + bases);
        }
        for (String base : bases) {
            if (!PodHardening.pinned(base)) {
                violations.add("base " + base + " is not pinned to an exact version");
            }
        }
        String runtime = bases.isEmpty() ? "" : bases.get(bases.size() - 1);
        if (!runtime.matches("eclipse-temurin:17\\.\\d+\\.\\d+[_+.]\\d+-jre(-\\w+)?(@sha256:[0-9a-f]{64})?")
                && !runtime.matches("eclipse-temurin@sha256:[0-9a-f]{64}")) {
            violations.add("the runtime base " + runtime + " is not a pinned Temurin 17 JRE");
        }
        List<String> finalStage = lastFrom < 0 ? List.of() : instructions.subList(lastFrom + 1, instructions.size());
        List<String> users = finalStage.stream().map(USER::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        if (users.isEmpty()) {
            violations.add("the final stage sets no USER (it would run as root)");
        } else {
            String user = users.get(users.size() - 1);
            if (!user.matches("[1-9]\\d*(:[1-9]\\d*)?")) {
                violations.add("USER " + user + " is not a numeric non-root uid (runAsNonRoot cannot verify names)");
            }
        }
        if (instructions.stream().noneMatch(i -> i.startsWith("RUN ") && i.contains("java -Djarmode=tools -jar")
                && i.contains("extract --layers --launcher"))) {
            violations.add("the jar is not extracted into its layers with the tools jar mode");
        }
        int previous = -1;
        for (String layer : LAYERS) {
            int at = indexOf(finalStage, i -> i.startsWith("COPY --from=") && i.contains("/" + layer + "/"));
            if (at < 0 || at < previous) {
                violations.add("layer " + layer + " is not copied in order (rarely changing layers first)");
            }
            previous = at;
        }
        if (finalStage.stream().noneMatch(i -> i.startsWith("ENTRYPOINT")
                && i.contains("org.springframework.boot.loader.launch.JarLauncher"))) {
            violations.add("the entry point is not Spring Boot's JarLauncher over the extracted layers");
        }
        if (instructions.stream().noneMatch(i -> i.contains(service.name() + "/target/" + service.name() + ".jar"))) {
            violations.add("the recipe does not take " + service.name() + "/target/" + service.name() + ".jar");
        }
        if (finalStage.stream().noneMatch(i -> i.matches("EXPOSE .*\\b" + service.port() + "\\b.*"))) {
            violations.add("port " + service.port() + " is not exposed");
        }
        return violations;
    }

    /** Instructions with line continuations joined and comments dropped. */
    private static List<String> instructions(String recipe) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : recipe.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                result.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return result;
    }

    private static int indexOf(List<String> list, java.util.function.Predicate<String> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
