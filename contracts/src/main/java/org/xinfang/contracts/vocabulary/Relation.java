package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The petitioner's relation to the school: carried in events instead of any identity. */
public enum Relation {
    PARENT,
    TEACHER,
    STAFF,
    STUDENT,
    RESIDENT,
    @JsonEnumDefaultValue
    OTHER
}
