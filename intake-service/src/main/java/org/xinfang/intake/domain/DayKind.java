package org.xinfang.intake.domain;

/**
 * How a limit counts its days. The regulation says 日 for most limits (every calendar day counts) and 工作日 in
 * places (only working days count); a district's rules say which applies to which step.
 */
public enum DayKind {
    /** 日: every day counts; a last day that is not a working day moves to the next working day. */
    CALENDAR_DAYS("日"),
    /** 工作日: only working days count, so the last day is always one. */
    WORKING_DAYS("工作日");

    private final String chinese;

    DayKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
