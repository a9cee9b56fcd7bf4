package org.xinfang.notification.domain;

/** The two legal limits a department is held to: decide on acceptance, then handle and reply. */
public enum DeadlineLimit {
    /** 受理: decide whether to accept, and tell the petitioner (15 days from receipt by default). */
    ACCEPTANCE,
    /** 办理: handle and reply in writing (60 days from acceptance by default, extended once with approval). */
    HANDLING
}
