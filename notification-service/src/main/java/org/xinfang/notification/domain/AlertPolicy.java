package org.xinfang.notification.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;

/**
 * Which alerts each emergency level raises. The default is the school's plan: for a group or escalated petition ask
 * the leader to activate the plan and tell the responsible departments; for violence or danger to people alert
 * police, the principal and the bureau at once and ask the leader to confirm afterwards. Whatever the configured
 * rules, a group at the high level or above (30 or more people, or escalated: the plan's 五.1, "for major group
 * petitions the leaders command on the scene") reaches the principal at once, not only through the escalation chain.
 */
public final class AlertPolicy {

    /** One line of the policy: raise {@code kind} to {@code role}. */
    public record Rule(AlertKind kind, RecipientRole role) {
    }

    private final Map<EmergencyLevel, List<Rule>> rules;
    private final EmergencyLevel actWithoutApprovalFrom;

    public AlertPolicy(Map<EmergencyLevel, List<Rule>> rules, EmergencyLevel actWithoutApprovalFrom) {
        this.rules = new EnumMap<>(EmergencyLevel.class);
        rules.forEach((level, list) -> this.rules.put(level, List.copyOf(list)));
        this.actWithoutApprovalFrom = actWithoutApprovalFrom;
    }

    public static AlertPolicy plan() {
        List<Rule> askAndNotify = List.of(
                new Rule(AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER),
                new Rule(AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT));
        return new AlertPolicy(Map.of(
                EmergencyLevel.ROUTINE, List.of(),
                EmergencyLevel.ELEVATED, askAndNotify,
                EmergencyLevel.HIGH, askAndNotify,
                EmergencyLevel.CRITICAL, List.of(
                        new Rule(AlertKind.POLICE_ALERT, RecipientRole.POLICE),
                        new Rule(AlertKind.PRINCIPAL_ALERT, RecipientRole.PRINCIPAL),
                        new Rule(AlertKind.BUREAU_ALERT, RecipientRole.BUREAU_DUTY),
                        new Rule(AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER))),
                EmergencyLevel.CRITICAL);
    }

    /** Whether alerts at this level go out before the leader approves (people's safety comes first). */
    public boolean actsBeforeApproval(EmergencyLevel level) {
        return level.atLeast(actWithoutApprovalFrom);
    }

    /**
     * The alerts for one routed petition, one per recipient. A department rule expands to the responsible
     * department and each co-department.
     */
    public List<PlannedAlert> alertsFor(RoutedPetition petition) {
        List<PlannedAlert> planned = new ArrayList<>();
        for (Rule rule : rules.getOrDefault(petition.level(), List.of())) {
            if (rule.role() == RecipientRole.DEPARTMENT) {
                planned.add(new PlannedAlert(rule.kind(), rule.role(), petition.department()));
                petition.coDepartments().stream()
                        .filter(co -> !co.equals(petition.department()))
                        .distinct()
                        .forEach(co -> planned.add(new PlannedAlert(rule.kind(), rule.role(), co)));
            } else {
                planned.add(new PlannedAlert(rule.kind(), rule.role(), null));
            }
        }
        if (principalCommandsOnScene(petition) && planned.stream().noneMatch(p -> p.role() == RecipientRole.PRINCIPAL)) {
            planned.add(new PlannedAlert(AlertKind.PRINCIPAL_ALERT, RecipientRole.PRINCIPAL, null));
        }
        return planned.stream().distinct().toList();
    }

    /** The plan's 五.1: a group at the high level has the principal on the scene. */
    static boolean principalCommandsOnScene(RoutedPetition petition) {
        return petition.level().atLeast(EmergencyLevel.HIGH) && petition.situation() != null
                && petition.situation().form() == Form.GROUP;
    }
}
