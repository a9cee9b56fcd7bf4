package org.xinfang.intake.config;

/**
 * The rule Spring Security's strict firewall applies to every header value it hands out,
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: every code point assigned and not a control character, tab
 * allowed; an absent value (null) passes, as there. Its pattern costs tens of microseconds on a signed bearer token, each time the header is read; this loop
 * decides the same, and printable ASCII (nearly every header) at a glance.
 */
final class HeaderValueRule {

    private HeaderValueRule() {
    }

    static boolean allowed(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint)
                    || (Character.getType(codePoint) == Character.CONTROL && codePoint != '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
