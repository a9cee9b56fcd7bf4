package org.xinfang.notification.domain;

import java.util.Map;
import java.util.Set;
import org.xinfang.contracts.vocabulary.AlertKind;

/**
 * The escalation chain of each school (a default for schools without their own) and which kinds of alert escalate.
 * Police alerts do not: the police are not asked to acknowledge to a school's chain.
 */
public final class EscalationPolicy {

    private final EscalationChain defaultChain;
    private final Map<String, EscalationChain> bySchool;
    private final Set<AlertKind> escalating;

    public EscalationPolicy(EscalationChain defaultChain, Map<String, EscalationChain> bySchool, Set<AlertKind> escalating) {
        this.defaultChain = defaultChain;
        this.bySchool = Map.copyOf(bySchool);
        this.escalating = Set.copyOf(escalating);
    }

    public static EscalationPolicy plan() {
        return new EscalationPolicy(EscalationChain.plan(), Map.of(), Set.of(AlertKind.ACTIVATION_REQUEST,
                AlertKind.DEPARTMENT_NOTICE, AlertKind.PRINCIPAL_ALERT, AlertKind.BUREAU_ALERT));
    }

    public Set<AlertKind> escalatingKinds() {
        return escalating;
    }

    public EscalationChain chainOf(String school) {
        return bySchool.getOrDefault(school, defaultChain);
    }

    /** The next escalation of an open alert at its current step, if any. */
    public java.util.Optional<EscalationChain.Escalation> next(Alert alert) {
        if (!alert.open() || !escalating.contains(alert.kind())) {
            return java.util.Optional.empty();
        }
        return chainOf(alert.school()).after(alert.recipientRole(), alert.step());
    }
}
