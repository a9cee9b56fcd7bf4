package org.xinfang.notification.domain;

/**
 * Who did something, for the plan's accountability: the token's subject, its display name and the role the person
 * acted in. Never a petitioner: only staff act here.
 */
public record Actor(String subject, String name, String role) {
}
