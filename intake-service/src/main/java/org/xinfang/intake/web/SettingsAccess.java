package org.xinfang.intake.web;

import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.kit.web.ApiProblem;

/**
 * Who may see and keep a district's legal rules and calendars: everyone of the district reads them (a clerk needs
 * to know why a deadline falls where it does), only the district's administrator changes them. The district is the
 * token's, never a path's or a body's.
 */
final class SettingsAccess {

    private SettingsAccess() {
    }

    static void requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw ApiProblem.forbidden("a district's legal rules and calendars are changed by its administrator");
        }
    }
}
