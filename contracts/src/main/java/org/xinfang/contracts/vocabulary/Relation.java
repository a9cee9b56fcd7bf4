package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The petitioner's relation to the school: carried in events instead of any identity. */
public enum Relation {
    PARENT("家长"),
    TEACHER("教师"),
    STAFF("职工"),
    STUDENT("学生"),
    RESIDENT("居民"),
    @JsonEnumDefaultValue
    OTHER("其他");

    private final String chineseName;

    Relation(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The relation as a form names it. */
    public String chineseName() {
        return chineseName;
    }
}
