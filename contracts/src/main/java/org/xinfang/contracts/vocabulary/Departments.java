package org.xinfang.contracts.vocabulary;

import java.util.Map;

/**
 * The Chinese names of the departments the school's plan assigns petitions to. Departments travel as codes
 * (routing's rule sets may add a school's own); every text a person reads names them through {@link #chineseName}.
 */
public final class Departments {

    private static final Map<String, String> NAMES = Map.of(
            "ACADEMIC_AFFAIRS", "教导处",
            "PRINCIPAL_OFFICE", "校长办公室",
            "PARTY_BRANCH", "党支部",
            "UNION", "工会",
            "LOGISTICS", "后勤处",
            "YOUNG_PIONEERS", "少先队",
            "GENERAL_OFFICE", "办公室");

    private Departments() {
    }

    /**
     * The department's name; a code this table does not know (a school's own department, named in its rule set)
     * reads as written, because a person should see what the administrator typed rather than nothing.
     */
    public static String chineseName(String code) {
        if (code == null || code.isBlank()) {
            return "未指定部门";
        }
        return NAMES.getOrDefault(code, code);
    }
}
