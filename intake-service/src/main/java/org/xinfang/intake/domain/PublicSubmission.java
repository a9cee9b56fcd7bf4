package org.xinfang.intake.domain;

import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * A petition a parent or resident sends through the public door, without an account. It becomes an ordinary
 * registration (online, one person) so that it enters the same life cycle, routing and alerting as a clerk's: the risk
 * signals are read from the text by routing, as for any petition, never given by the sender.
 *
 * @param subject {@link Subject#UNKNOWN} when the sender chose 不确定: routing reads the subject from the text
 * @param name    null for an anonymous petition, which then takes no phone either
 */
public record PublicSubmission(String district, String school, Subject subject, String title, String description,
                               String name, String phone, Relation relation) {

    public boolean anonymous() {
        return name == null && phone == null;
    }

    public Registration registration() {
        List<Petitioner> petitioners = anonymous() ? List.of()
                : List.of(new Petitioner(name, phone, null, null, relation == null ? Relation.OTHER : relation));
        return new Registration(Channel.ONLINE, Form.INDIVIDUAL, 1, false, anonymous(), petitioners,
                subject == Subject.UNKNOWN ? null : subject, title, description, null, null, Set.of());
    }
}
