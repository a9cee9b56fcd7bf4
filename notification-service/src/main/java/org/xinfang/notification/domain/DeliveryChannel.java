package org.xinfang.notification.domain;

/** How an alert reaches a person. */
public enum DeliveryChannel {
    WEBHOOK,
    EMAIL,
    SMS
}
