package org.xinfang.notification.domain;

import java.util.regex.Pattern;

/**
 * A person the plan may alert at one school, in one role, with the channels that reach them. Department heads name
 * their department, so a notice reaches the responsible department and nobody else. The bureau's own people (duty
 * office, analysts) are contacts of the district: {@code school} is null, and they hear of every school's bureau alerts
 * and receive the district's digests.
 */
public record Contact(String contactId, String district, String school, RecipientRole role, String department,
                      String name, String webhookUrl, String email, String phone, boolean active) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");
    /** Department codes or names: letters (any script), digits, '_' and '-'; never an operator or a path. */
    private static final Pattern DEPARTMENT = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");
    private static final int MAX_URL = 500;
    private static final int MAX_EMAIL = 254;

    /** The first problem with this contact as a {field, reason} pair, or null when it is valid. */
    public String[] problem() {
        if (role == null) {
            return new String[] {"role", "is required, one of the recipient roles"};
        }
        if (school == null && role != RecipientRole.BUREAU_DUTY && role != RecipientRole.BUREAU_ANALYST) {
            return new String[] {"school", "is required except for the bureau's duty office and analysts"};
        }
        if (school != null && role == RecipientRole.BUREAU_ANALYST) {
            return new String[] {"role", "bureau analysts are contacts of the district, not of a school"};
        }
        if (role == RecipientRole.DEPARTMENT && (department == null || department.isBlank())) {
            return new String[] {"department", "is required for a department contact"};
        }
        if (department != null && !DEPARTMENT.matcher(department).matches()) {
            return new String[] {"department", "1 to 64 letters, digits, '_' or '-'"};
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            return new String[] {"name", "is required, at most 100 characters"};
        }
        if (webhookUrl == null && email == null && phone == null) {
            return new String[] {"channels", "at least one of webhookUrl, email, phone is required"};
        }
        if (webhookUrl != null && (webhookUrl.length() > MAX_URL
                || !(webhookUrl.startsWith("http://") || webhookUrl.startsWith("https://")))) {
            return new String[] {"webhookUrl", "must be an http or https URL of at most " + MAX_URL + " characters"};
        }
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
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
