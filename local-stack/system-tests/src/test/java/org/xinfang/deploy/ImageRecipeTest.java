package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one image recipe of the Java services, deploy/images/Dockerfile, checked statically (no container engine is
 * needed, nor reachable here): multi-stage, every base pinned to an exact version (never "latest"), a Temurin 17 JRE
 * at run time, the module and its port as build arguments without defaults, the Spring Boot jar split into its layers
 * with the tools jar mode, a numeric non-root user, and the operators' build command for each service documented in
 * docs/operations.md. The recipe's own guard on its arguments is run, for every service and against a wrong pair.
 */
class ImageRecipeTest {

    private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern USER = Pattern.compile("(?i)^USER\\s+(\\S+)");
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private static Path recipe() {
        return RenderedOverlay.deployDir().resolve("images").resolve("Dockerfile");
    }

    @Test
    void oneRecipeServesEveryJavaService() throws IOException {
        Path root = RenderedOverlay.repositoryRoot();
        List<Path> dockerfiles = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                // Build output, local stack data and VCS metadata are not part of the tree.
                return !dir.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (name.matches("(.+\\.)?Dockerfile(\\..+)?|Containerfile") && !name.endsWith(".dockerignore")) {
                    dockerfiles.add(root.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(dockerfiles).as("image recipes in the tree").containsExactly(Path.of("deploy/images/Dockerfile"));
        assertThat(violations(Files.readString(recipe()))).isEmpty();
        Path ignore = recipe().resolveSibling("Dockerfile.dockerignore");
        assertThat(ignore).as("build output stays out of the build context").isRegularFile();
        assertThat(Files.readAllLines(ignore)).contains("**/target/", ".stack/", ".git/");
    }

    @TestFactory
    Stream<DynamicTest> everyServiceBuildsThroughTheArguments() throws IOException {
        Path root = RenderedOverlay.repositoryRoot();
        String reactor = Files.readString(root.resolve("pom.xml"));
        String guard = guard(Files.readString(recipe()));
        return Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(), () -> {
            assertThat(reactor).as("a module of the build").contains("<module>" + service.name() + "</module>");
            String pom = Files.readString(root.resolve(service.name()).resolve("pom.xml"));
            // The recipe copies MODULE/target/MODULE.jar.
            assertThat(pom).contains("<artifactId>" + service.name() + "</artifactId>")
                    .contains("<finalName>${project.artifactId}</finalName>");
            assertThat(runGuard(guard, service.name(), String.valueOf(service.port())))
                    .as("the recipe accepts MODULE=%s PORT=%d", service.name(), service.port()).isZero();
            int otherPort = service.port() == 8080 ? 8081 : 8080;
            assertThat(runGuard(guard, service.name(), String.valueOf(otherPort)))
                    .as("the recipe refuses %s with another service's port", service.name()).isNotZero();
        }));
    }

    @Test
    void theRecipeRefusesMissingArguments() throws Exception {
        String guard = guard(Files.readString(recipe()));
        assertThat(runGuard(guard, "", "8081")).isNotZero();
        assertThat(runGuard(guard, "intake-service", "")).isNotZero();
        assertThat(runGuard(guard, "no-such-service", "8081")).isNotZero();
    }

    @TestFactory
    Stream<DynamicTest> theBuildCommandIsDocumented() throws IOException {
        String operations = Files.readString(RenderedOverlay.repositoryRoot().resolve("docs/operations.md"));
        return Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(), () ->
                assertThat(operations).contains("docker build -f deploy/images/Dockerfile --build-arg MODULE="
                        + service.name() + " --build-arg PORT=" + service.port() + " ")));
    }

    @TestFactory
    Stream<DynamicTest> theChecksCatchALooseRecipe() throws IOException {
        String recipe = Files.readString(recipe());
        return Stream.of(
                loose("latest base", recipe.replace("eclipse-temurin:17.0.17_10-jre-noble\n", "eclipse-temurin:latest\n")),
                loose("untagged base", recipe.replace("eclipse-temurin:17.0.17_10-jre-noble\n", "eclipse-temurin\n")),
                loose("root user", recipe.replace("USER 10001:10001", "USER root")),
                loose("no user", recipe.replace("USER 10001:10001", "")),
                loose("fat jar", recipe.replace("extract --layers --launcher", "extract")),
                loose("a default module", recipe.replace("ARG MODULE\n", "ARG MODULE=gateway\n")),
                loose("one module only", recipe.replace("-pl \"$MODULE\"", "-pl gateway")),
                loose("the port not declared where it is exposed", recipe.replace("ARG PORT\nRUN groupadd", "RUN groupadd")),
                loose("a fixed port", recipe.replace("EXPOSE $PORT 9090", "EXPOSE 8080 9090")));
    }

    private static DynamicTest loose(String name, String mutated) {
        return DynamicTest.dynamicTest(name, () -> assertThat(violations(mutated)).isNotEmpty());
    }

    /** What is wrong with the recipe; empty when it is right. */
    static List<String> violations(String recipe) {
        List<String> instructions = instructions(recipe);
        List<String> violations = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<Integer> froms = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            Matcher from = FROM.matcher(instructions.get(i));
            if (from.find()) {
                bases.add(from.group(1));
                froms.add(i);
            }
        }
        if (bases.size() < 2) {
            violations.add("not multi-stage: " + bases);
            return violations;
        }
        for (String base : bases) {
            if (!PodHardening.pinned(base)) {
                violations.add("base " + base + " is not pinned to an exact version");
            }
        }
        String runtime = bases.get(bases.size() - 1);
        if (!runtime.matches("eclipse-temurin:17\\.\\d+\\.\\d+[_+.]\\d+-jre(-\\w+)?(@sha256:[0-9a-f]{64})?")
                && !runtime.matches("eclipse-temurin@sha256:[0-9a-f]{64}")) {
            violations.add("the runtime base " + runtime + " is not a pinned Temurin 17 JRE");
        }
        List<String> buildStage = instructions.subList(froms.get(0) + 1, froms.get(1));
        List<String> finalStage = instructions.subList(froms.get(froms.size() - 1) + 1, instructions.size());

        // An ARG is seen only in the stage that declares it; without a default a forgotten argument fails the guard.
        for (String argument : List.of("MODULE", "PORT")) {
            if (!buildStage.contains("ARG " + argument)) {
                violations.add("the build stage does not take " + argument + " as an argument without a default");
            }
        }
        if (buildStage.stream().noneMatch(i -> i.startsWith("RUN ") && i.contains("test -n \"$MODULE\"")
                && i.contains("test -n \"$PORT\""))) {
            violations.add("the build stage does not refuse a missing MODULE or PORT");
        }
        if (buildStage.stream().noneMatch(i -> i.startsWith("RUN ") && i.contains("./mvnw")
                && i.contains("-pl \"$MODULE\" -am package") && i.contains("\"$MODULE/target/$MODULE.jar\""))) {
            violations.add("the build stage does not package the module named by MODULE and take its jar");
        }

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
        int port = finalStage.indexOf("ARG PORT");
        int expose = indexOf(finalStage, i -> i.matches("EXPOSE (.* )?\\$\\{?PORT}?( .*)?"));
        if (expose < 0 || port < 0 || port > expose) {
            violations.add("the final stage does not expose the PORT argument, declared before EXPOSE");
        }
        return violations;
    }

    /** The build stage's RUN instruction that checks MODULE and PORT. */
    private static String guard(String recipe) {
        return instructions(recipe).stream()
                .filter(i -> i.startsWith("RUN ") && i.contains("test -n \"$MODULE\"")).findFirst()
                .map(i -> i.substring("RUN ".length())).orElseThrow(() -> new AssertionError("no argument guard"));
    }

    /** Runs the guard as the build stage would: in the source tree, with the arguments as environment variables. */
    private static int runGuard(String guard, String module, String port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-ec", guard)
                .directory(RenderedOverlay.repositoryRoot().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MODULE", module);
        builder.environment().put("PORT", port);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
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

    private static int indexOf(List<String> list, Predicate<String> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
