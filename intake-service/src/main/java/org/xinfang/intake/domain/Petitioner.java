package org.xinfang.intake.domain;

import org.xinfang.contracts.vocabulary.Relation;

/**
 * One petitioner, or one elected representative of a group. Everything but the relation is identity: it is stored
 * encrypted, shown only to roles allowed to see it, and never logged (hence the narrow {@link #toString()}).
 */
public record Petitioner(String name, String phone, String idNumber, String address, Relation relation) {

    public boolean carriesIdentity() {
        return name != null || phone != null || idNumber != null || address != null;
    }

    @Override
    public String toString() {
        return "Petitioner[relation=" + relation + "]";
    }
}
