package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xinfang.contracts.topic.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Each service reaches Kafka as its own KafkaUser, whose ACLs grant exactly what its code does ({@link ServiceCode}):
 * Write and Describe on the topics it produces (dead-letter topics included), Read and Describe on the topics it
 * consumes, Read on its own consumer group, IdempotentWrite on the cluster (every producer is idempotent), and
 * nothing else. So no service can publish an event it does not produce: a forged petition.routed from intake, say.
 */
class KafkaUsersMatchCodeTest {

    private static final Set<AclOperation> WRITING = Set.of(AclOperation.WRITE, AclOperation.ALL, AclOperation.CREATE,
            AclOperation.DELETE, AclOperation.ALTER, AclOperation.ALTERCONFIGS);

    @TestFactory
    Stream<DynamicContainer> everyServiceHasAUserWithExactlyItsTopics() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(),
                Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(), () -> {
                    ServiceCode code = ServiceCode.of(service);
                    Optional<JsonNode> user = overlay.find("KafkaUser", service.name());
                    assertThat(user.isPresent()).as(service + " has a KafkaUser").isEqualTo(code.usesKafka());
                    if (user.isPresent()) {
                        KafkaUser kafkaUser = StrictModel.read(user.get(), KafkaUser.class);
                        assertThat(grants(kafkaUser)).as(service + "'s ACLs").containsExactlyInAnyOrderElementsOf(
                                expected(code));
                        assertThat(writeViolations(kafkaUser, code)).isEmpty();
                    }
                }))));
    }

    @TestFactory
    Stream<DynamicTest> usersAreTheServicesOwnAndAuthenticated() {
        return RenderedOverlay.all().map(overlay -> DynamicTest.dynamicTest(overlay.name(), () -> {
            String cluster = RenderedOverlay.nameOf(overlay.ofKind("Kafka").get(0));
            List<KafkaUser> users = overlay.ofKind("KafkaUser").stream().map(StrictModel.reader(KafkaUser.class))
                    .toList();
            assertThat(users.stream().map(u -> u.getMetadata().getName()).toList()).as("one user per Kafka client")
                    .containsExactlyInAnyOrderElementsOf(Suite.SERVICES.stream()
                            .filter(s -> ServiceCode.of(s).usesKafka()).map(Suite::name).toList());
            assertThat(users).allSatisfy(user -> {
                assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
                // The listener's mechanism (TransportSecurityTest); the user operator writes the JAAS line for it.
                assertThat(user.getSpec().getAuthentication())
                        .isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
                assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
            });
        }));
    }

    @Test
    void theCodeIsReadAsTheArchitectureDescribesIt() {
        ServiceCode routing = ServiceCode.of(Suite.SERVICES.get(2));
        assertThat(routing.consumes()).containsExactlyInAnyOrder(Topics.PETITION_RECEIVED.name(),
                Topics.PETITION_ESCALATED.name());
        assertThat(routing.produces()).contains(Topics.PETITION_ROUTED.name(),
                Topics.PETITION_RECEIVED.deadLetterName());
        assertThat(routing.groups()).containsExactly("routing-service");
        ServiceCode intake = ServiceCode.of(Suite.SERVICES.get(1));
        assertThat(intake.produces()).contains(Topics.PETITION_RECEIVED.name()).doesNotContain(
                Topics.PETITION_ROUTED.name());
        assertThat(ServiceCode.of(Suite.SERVICES.get(0)).usesKafka()).as("the gateway").isFalse();
    }

    @Test
    void theCheckCatchesAServiceAllowedToForgeAnEvent() {
        Suite intake = Suite.SERVICES.get(1);
        ServiceCode code = ServiceCode.of(intake);
        JsonNode user = RenderedOverlay.of("prod").get("KafkaUser", intake.name());
        KafkaUser forger = StrictModel.read(user, KafkaUser.class);
        KafkaUserAuthorizationSimple authorization = (KafkaUserAuthorizationSimple) forger.getSpec().getAuthorization();
        AclRule forged = new AclRule();
        AclRuleTopicResource routed = new AclRuleTopicResource();
        routed.setName(Topics.PETITION_ROUTED.name());
        routed.setPatternType(AclResourcePatternType.LITERAL);
        forged.setResource(routed);
        forged.setOperations(List.of(AclOperation.WRITE));
        authorization.getAcls().add(forged);
        assertThat(writeViolations(forger, code)).anyMatch(v -> v.contains(Topics.PETITION_ROUTED.name()));
        assertThat(grants(forger)).isNotEqualTo(expected(code));

        KafkaUser prefixed = StrictModel.read(user, KafkaUser.class);
        AclRule everything = new AclRule();
        AclRuleTopicResource all = new AclRuleTopicResource();
        all.setName("xinfang.");
        all.setPatternType(AclResourcePatternType.PREFIX);
        everything.setResource(all);
        everything.setOperations(List.of(AclOperation.WRITE));
        ((KafkaUserAuthorizationSimple) prefixed.getSpec().getAuthorization()).getAcls().add(everything);
        assertThat(writeViolations(prefixed, code)).isNotEmpty();
    }

    /** What the code needs, in the form of {@link #grants}. */
    static Set<String> expected(ServiceCode code) {
        Set<String> expected = new TreeSet<>();
        code.produces().forEach(t -> Stream.of("Write", "Describe").forEach(o -> expected.add("topic " + t + " " + o)));
        code.consumes().forEach(t -> Stream.of("Read", "Describe").forEach(o -> expected.add("topic " + t + " " + o)));
        code.groups().forEach(g -> expected.add("group " + g + " Read"));
        if (!code.produces().isEmpty()) {
            expected.add("cluster IdempotentWrite");
        }
        return expected;
    }

    /** Every grant of the user, one per resource and operation: "topic NAME Write", "group NAME Read", ... */
    static Set<String> grants(KafkaUser user) {
        Set<String> grants = new TreeSet<>();
        for (AclRule rule : acls(user)) {
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                resource = "topic " + literal(topic.getName(), topic.getPatternType());
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                resource = "group " + literal(group.getName(), group.getPatternType());
            } else if (rule.getResource() instanceof AclRuleClusterResource) {
                resource = "cluster";
            } else {
                resource = "other " + rule.getResource();
            }
            // operations() includes the deprecated single operation: it grants as much as a list of one.
            operations(rule).forEach(o -> grants.add(resource + " " + o.toValue()));
        }
        return grants;
    }

    /** Grants that let the user change a topic its code does not produce, or any topic through a pattern. */
    static List<String> writeViolations(KafkaUser user, ServiceCode code) {
        List<String> violations = new ArrayList<>();
        for (AclRule rule : acls(user)) {
            if (!(rule.getResource() instanceof AclRuleTopicResource topic)) {
                continue;
            }
            boolean writes = operations(rule).stream().anyMatch(WRITING::contains);
            boolean literal = topic.getPatternType() == null || topic.getPatternType() == AclResourcePatternType.LITERAL;
            if (writes && (!literal || "*".equals(topic.getName()) || !code.produces().contains(topic.getName()))) {
                violations.add(user.getMetadata().getName() + " may change " + topic.getPatternType() + " "
                        + topic.getName() + " (" + operations(rule) + ")");
            }
        }
        return violations;
    }

    private static String literal(String name, AclResourcePatternType pattern) {
        return pattern == null || pattern == AclResourcePatternType.LITERAL ? name : pattern.toValue() + ":" + name;
    }

    private static List<AclRule> acls(KafkaUser user) {
        return ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
    }

    private static List<AclOperation> operations(AclRule rule) {
        List<AclOperation> operations = new ArrayList<>(Optional.ofNullable(rule.getOperations()).orElse(List.of()));
        Optional.ofNullable(rule.getOperation()).ifPresent(operations::add);
        return operations;
    }
}
