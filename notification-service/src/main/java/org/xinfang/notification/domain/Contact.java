package org.xinfang.notification.domain;

import java.util.regex.Pattern;

/**
 * A person the plan may alert at one school, in one role, with the channels that reach them. Department heads name
 * their department, so a notice reaches the responsible department and nobody else.
 */
public record Contact(String contactId, String district, String school, RecipientRole role, String department,
                      String name, String webhookUrl, String email, String phone, boolean active) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");

    /** The first problem with this contact as a {field, reason} pair, or null when it is valid. */
    public String[] problem() {
        if (role == null) {
            return new String[] {"role", "is required, one of the recipient roles"};
        }
        if (role == RecipientRole.DEPARTMENT && (department == null || department.isBlank())) {
            return new String[] {"department", "is required for a department contact"};
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            return new String[] {"name", "is required, at most 100 characters"};
        }
        if (webhookUrl == null && email == null && phone == null) {
            return new String[] {"channels", "at least one of webhookUrl, email, phone is required"};
        }
        if (webhookUrl != null && !(webhookUrl.startsWith("http://") || webhookUrl.startsWith("https://"))) {
            return new String[] {"webhookUrl", "must be an http or https URL"};
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            return new String[] {"email", "is not an email address"};
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            return new String[] {"phone", "digits only, optionally with a leading +"};
        }
        return null;
    }

    /** Whether an alert in this role (and, for departments, this department) is for this contact. */
    public boolean reaches(RecipientRole alertRole, String alertDepartment) {
        if (!active || role != alertRole) {
            return false;
        }
        return role != RecipientRole.DEPARTMENT || (department != null && department.equals(alertDepartment));
    }
}
