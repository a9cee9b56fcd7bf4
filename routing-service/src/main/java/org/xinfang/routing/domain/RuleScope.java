package org.xinfang.routing.domain;

/**
 * Whose rule set it is: the built-in default, a district's (education bureau), or one school's. A school's rule
 * set overrides its district's, which overrides the default.
 */
public record RuleScope(String district, String school) {

    public static final RuleScope DEFAULT = new RuleScope(null, null);

    public static RuleScope district(String district) {
        return new RuleScope(district, null);
    }

    public static RuleScope school(String district, String school) {
        return new RuleScope(district, school);
    }

    public boolean isDefault() {
        return district == null;
    }

    /** A stable key for storage and version names: "default", "d-east", "d-east/s-east-01". */
    public String key() {
        return district == null ? "default" : school == null ? district : district + "/" + school;
    }
}
