package org.xinfang.reporting.domain;

/**
 * Which figures a tally holds: one district, either one of its schools or the whole district, over one period.
 *
 * @param school a school id, or {@link #WHOLE_DISTRICT}
 */
public record TallyKey(String district, String school, Period period) {

    public static final String WHOLE_DISTRICT = "*";

    public static TallyKey ofSchool(String district, String school, Period period) {
        return new TallyKey(district, school, period);
    }

    public static TallyKey ofDistrict(String district, Period period) {
        return new TallyKey(district, WHOLE_DISTRICT, period);
    }

    public boolean wholeDistrict() {
        return WHOLE_DISTRICT.equals(school);
    }

    public TallyKey withPeriod(Period other) {
        return new TallyKey(district, school, other);
    }

    /** A stable identifier, readable in the store: {@code district|school|GRAIN|start}. */
    public String id() {
        return district + "|" + school + "|" + period.grain() + "|" + period.start();
    }
}
