package org.xinfang.intake.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A district's legal time limits, one version of them: how many days of which kind each step has, and the time zone
 * in which the district's days begin and end. Version 0 is the national regulation's defaults, which apply until the
 * district's administrator saves its own; every saved version is kept, and a deadline names the version it used.
 *
 * @param district the district, or null for the defaults every district starts from
 */
public record LegalRules(String district, int version, ZoneId zone, Map<LegalStep, TimeLimit> limits,
                         Instant savedAt, String savedBy) {

    /** The longest limit a district may set: a year, so a period never spans more than two calendar years. */
    public static final int MAX_DAYS = 366;
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public LegalRules {
        limits = Map.copyOf(new EnumMap<>(limits));
        if (limits.size() != LegalStep.values().length) {
            throw new IllegalArgumentException("every legal step needs a limit");
        }
    }

    /**
     * The national regulation's limits (信访工作条例): accept within 15 days of receipt, handle within 60 days of
     * acceptance, extend by at most 30, review and re-review requested within 30 days and answered within 30, all in
     * calendar days.
     */
    public static LegalRules nationalDefaults(ZoneId zone) {
        Map<LegalStep, TimeLimit> limits = new EnumMap<>(LegalStep.class);
        limits.put(LegalStep.ACCEPT, TimeLimit.calendarDays(15));
        limits.put(LegalStep.HANDLE, TimeLimit.calendarDays(60));
        limits.put(LegalStep.EXTENSION, TimeLimit.calendarDays(30));
        limits.put(LegalStep.REVIEW_REQUEST, TimeLimit.calendarDays(30));
        limits.put(LegalStep.REVIEW_ANSWER, TimeLimit.calendarDays(30));
        limits.put(LegalStep.RE_REVIEW_REQUEST, TimeLimit.calendarDays(30));
        limits.put(LegalStep.RE_REVIEW_ANSWER, TimeLimit.calendarDays(30));
        return new LegalRules(null, 0, zone, limits, null, null);
    }

    /**
     * A district's new version from what its administrator sent: every step with days from 1 to {@link #MAX_DAYS} and a
     * kind, and a zone the time-zone database knows.
     *
     * @throws InvalidSettingsException naming every field at fault
     */
    public static LegalRules proposed(String district, int version, String zone, Map<LegalStep, Integer> days,
                                      Map<LegalStep, DayKind> kinds, Instant savedAt, String savedBy) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zoneId = null;
        if (zone == null || zone.isBlank()) {
            errors.add(new FieldError("zone", "required: a time zone such as Asia/Shanghai"));
        } else {
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "unknown time zone '" + zone + "'"));
            }
        }
        Map<LegalStep, TimeLimit> limits = new EnumMap<>(LegalStep.class);
        for (LegalStep step : LegalStep.values()) {
            Integer n = days.get(step);
            DayKind kind = kinds.get(step);
            if (n == null) {
                errors.add(new FieldError(step.field() + ".days", "required: 1 to " + MAX_DAYS));
            } else if (n < 1 || n > MAX_DAYS) {
                errors.add(new FieldError(step.field() + ".days", "must be 1 to " + MAX_DAYS + ", was " + n));
            }
            if (kind == null) {
                errors.add(new FieldError(step.field() + ".kind", "required: CALENDAR_DAYS or WORKING_DAYS"));
            }
            if (n != null && kind != null) {
                limits.put(step, new TimeLimit(n, kind));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new LegalRules(district, version, zoneId, limits, savedAt, savedBy);
    }

    public TimeLimit limit(LegalStep step) {
        return limits.get(step);
    }

    /** "national-0", "d-east-3": what a deadline records as the rules it was counted by. */
    public String versionName() {
        return (district == null ? "national" : district) + "-" + version;
    }
}
