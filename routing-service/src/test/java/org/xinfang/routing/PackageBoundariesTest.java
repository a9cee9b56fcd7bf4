package org.xinfang.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house boundaries, checked here on every build of this module as well as by the suite's system tests. */
class PackageBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xinfang.routing");

    @Test
    void theDomainKnowsNoFrameworkDriverOrBroker() {
        noClasses().that().resideInAPackage("org.xinfang.routing.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml.jackson.databind..", "reactor..",
                        "io.micrometer..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNothingElseOfTheService() {
        noClasses().that().resideInAPackage("org.xinfang.routing.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xinfang.routing.web..", "org.xinfang.routing.messaging..",
                        "org.xinfang.routing.persistence..", "org.xinfang.routing.config..")
                .check(CLASSES);
    }

    @Test
    void persistenceAndMessagingDoNotReachIntoTheWeb() {
        noClasses().that().resideInAnyPackage("org.xinfang.routing.persistence..", "org.xinfang.routing.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.xinfang.routing.web..")
                .check(CLASSES);
    }
}
