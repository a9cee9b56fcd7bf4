package org.xinfang.notification.messaging;

/**
 * Whom a message is for: the contact (of {@code school}, or of the district when it holds the id) and the address on
 * one channel. The webhook channel signs with that contact's own secret.
 */
record Recipient(String district, String school, String contactId, String target) {
}
