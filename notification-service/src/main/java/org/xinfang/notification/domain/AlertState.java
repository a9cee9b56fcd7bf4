package org.xinfang.notification.domain;

/** Where an alert stands: open until a person takes responsibility for it. */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED
}
