package org.xinfang.contracts.vocabulary;

/** 个访 or 集访. */
public enum Form {
    INDIVIDUAL,
    GROUP
}
