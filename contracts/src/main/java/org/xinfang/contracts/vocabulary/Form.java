package org.xinfang.contracts.vocabulary;

/** 个访 or 集访. */
public enum Form {
    INDIVIDUAL("个人信访"),
    GROUP("集体访");

    private final String chineseName;

    Form(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The form as the plan names it. */
    public String chineseName() {
        return chineseName;
    }
}
