package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How the petitioner rates the handling of a closed petition (满意度评价), in the words of the form they fill in. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意"),
    @JsonEnumDefaultValue
    UNKNOWN("未知评价");

    private final String chineseName;

    Satisfaction(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
