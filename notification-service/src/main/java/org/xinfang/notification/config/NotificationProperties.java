package org.xinfang.notification.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * The alert policy as configuration. Each level lists {@code KIND:ROLE} pairs; an empty map means the school's plan
 * (see {@link org.xinfang.notification.domain.AlertPolicy#plan()}).
 *
 * @param policy alerts per level, e.g. {@code CRITICAL: [POLICE_ALERT:POLICE, ACTIVATION_REQUEST:LEADER]}
 * @param actWithoutApprovalFrom the lowest level whose alerts go out before the leader approves
 */
@ConfigurationProperties("xinfang.notification")
record NotificationProperties(Map<EmergencyLevel, List<String>> policy, EmergencyLevel actWithoutApprovalFrom) {

    NotificationProperties {
        policy = policy == null ? Map.of() : Map.copyOf(policy);
        actWithoutApprovalFrom = actWithoutApprovalFrom == null ? EmergencyLevel.CRITICAL : actWithoutApprovalFrom;
    }
}
