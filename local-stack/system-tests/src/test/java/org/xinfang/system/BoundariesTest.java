package org.xinfang.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The boundaries of docs/architecture.md, checked on the compiled services and the kit: no service depends on another
 * service's code (they meet only on the contracts' topics), no service's main code uses the test infrastructure, every
 * domain package is free of Spring, Kafka, the Mongo driver, Jackson, Reactor and the kit, and the kit depends on
 * nothing of the suite but the contracts.
 */
class BoundariesTest {

    private static final Map<String, String> SERVICES = Map.of(
            "gateway", "org.xinfang.gateway",
            "intake-service", "org.xinfang.intake",
            "routing-service", "org.xinfang.routing",
            "notification-service", "org.xinfang.notification",
            "reporting-service", "org.xinfang.reporting");

    private static final String KIT = "org.xinfang.kit";

    private static JavaClasses classes;

    @BeforeAll
    static void importCompiledServices() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        Path[] folders = Stream.concat(SERVICES.keySet().stream(), Stream.of("service-kit"))
                .map(m -> root.resolve(m).resolve("target/classes")).toArray(Path[]::new);
        for (Path folder : folders) {
            assertThat(folder).as("compiled classes; build the services first").isDirectory();
        }
        classes = new ClassFileImporter().importPaths(folders);
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.xinfang."))).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> noServiceDependsOnAnotherService() {
        return SERVICES.entrySet().stream().map(service -> DynamicTest.dynamicTest(service.getKey(), () -> {
            String[] others = SERVICES.values().stream().filter(p -> !p.equals(service.getValue()))
                    .map(p -> p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(service.getValue() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }));
    }

    @TestFactory
    Stream<DynamicTest> mainCodeNeverUsesTestInfrastructure() {
        return SERVICES.values().stream().map(base -> DynamicTest.dynamicTest(base, () ->
                noClasses().that().resideInAPackage(base + "..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.xinfang.localstack..", "org.junit..")
                        .check(classes)));
    }

    @TestFactory
    Stream<DynamicTest> domainPackagesImportNoFrameworks() {
        List<String> withDomain = SERVICES.values().stream()
                .filter(base -> classes.stream().anyMatch(c -> c.getPackageName().startsWith(base + ".domain")))
                .toList();
        return withDomain.stream().map(base -> DynamicTest.dynamicTest(base + ".domain", () ->
                noClasses().that().resideInAPackage(base + ".domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(
                                "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                                "tools.jackson..", "com.fasterxml.jackson.databind..", "reactor..", "io.micrometer..",
                                KIT + "..")
                        .check(classes)));
    }

    /** The kit is plumbing: it knows the contracts (the caller, the topics) and nothing of any service. */
    @TestFactory
    Stream<DynamicTest> theKitDependsOnTheContractsOnly() {
        return Stream.of(DynamicTest.dynamicTest(KIT, () -> {
            assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(KIT))).isNotEmpty();
            noClasses().that().resideInAPackage(KIT + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            SERVICES.values().stream().map(p -> p + "..").toArray(String[]::new))
                    .orShould().dependOnClassesThat().resideInAnyPackage("org.xinfang.localstack..", "org.junit..")
                    .check(classes);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBackendServiceHasADomainPackage() {
        return SERVICES.entrySet().stream().filter(s -> !s.getKey().equals("gateway"))
                .map(s -> DynamicTest.dynamicTest(s.getKey(), () ->
                        assertThat(Files.isDirectory(Path.of("../..", s.getKey(), "target/classes",
                                s.getValue().replace('.', '/'), "domain"))).as(s.getValue() + ".domain").isTrue()));
    }
}
