package org.xinfang.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.RecipientRole;

/**
 * A saved contact as its administrator gets it back. {@code signingSecret} is there only in the answer that made it
 * (a new webhook contact, or a new URL): it is shown once and never listed again.
 */
record ContactAnswer(String contactId, String district, String school, RecipientRole role, String department,
                     String name, String webhookUrl, String email, String phone, boolean active,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret) {

    static ContactAnswer of(Contact c, String signingSecret) {
        return new ContactAnswer(c.contactId(), c.district(), c.school(), c.role(), c.department(), c.name(),
                c.webhookUrl(), c.email(), c.phone(), c.active(), signingSecret);
    }
}
