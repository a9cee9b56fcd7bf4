package org.xinfang.notification.web;

import static org.xinfang.contracts.access.Role.BUREAU_DUTY_OFFICER;
import static org.xinfang.contracts.access.Role.DEPARTMENT_HANDLER;
import static org.xinfang.contracts.access.Role.DEPUTY_LEADER;
import static org.xinfang.contracts.access.Role.LEADER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.access.Caller;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.EscalationChain;
import org.xinfang.notification.domain.RecipientRole;

/**
 * Who may acknowledge an alert: the person it is addressed to, or anyone the escalation chain would reach after them
 * (the leader for a department's notice, the bureau's duty office for everything). Acknowledging stops the chain, so a
 * clerk who saw the leader's activation request must not silence it on the leader's behalf: others comment on the
 * incident's timeline instead.
 */
final class AcknowledgementAuthority {

    private AcknowledgementAuthority() {
    }

    /** The places in the plan's chain a caller stands in. */
    static Set<RecipientRole> rolesOf(Caller caller, Alert alert) {
        Set<RecipientRole> roles = EnumSet.noneOf(RecipientRole.class);
        if (caller.has(LEADER)) {
            // The leadership group's leader is the school's principal leader in the plan's terms.
            roles.add(RecipientRole.LEADER);
            roles.add(RecipientRole.PRINCIPAL);
        }
        if (caller.has(DEPUTY_LEADER)) {
            roles.add(RecipientRole.DEPUTY);
        }
        if (caller.has(BUREAU_DUTY_OFFICER)) {
            roles.add(RecipientRole.BUREAU_DUTY);
        }
        if (caller.has(DEPARTMENT_HANDLER)) {
            String department = caller.department().orElse("");
            if (department.equals(alert.department())) {
                roles.add(RecipientRole.DEPARTMENT);
            }
            if (AccessPolicy.GENERAL_OFFICE.equals(department)) {
                roles.add(RecipientRole.GENERAL_OFFICE);
            }
        }
        return roles;
    }

    static boolean mayAcknowledge(Caller caller, Alert alert, EscalationChain chain) {
        List<RecipientRole> walk = chain.stepsFor(alert.recipientRole()).stream().map(EscalationChain.Step::role).toList();
        Set<RecipientRole> mine = rolesOf(caller, alert);
        return walk.stream().anyMatch(mine::contains);
    }
}
