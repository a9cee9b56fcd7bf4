package org.xinfang.notification.messaging;

/**
 * One message as every channel carries it, already rendered: a subject and a text for mail, a short text for SMS, and
 * the JSON body for webhooks. Built from alerts and digests, which never hold a petitioner's identity.
 */
record OutboundMessage(String subject, String text, String shortText, byte[] json) {
}
