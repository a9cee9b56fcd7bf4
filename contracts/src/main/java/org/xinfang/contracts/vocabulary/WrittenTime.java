package org.xinfang.contracts.vocabulary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Times and dates as people in the district write them: 2026年12月3日 15:04, in the district's zone. Every text a
 * person reads (alerts, e-mails, SMS, digests, history) uses these, never an ISO instant in UTC.
 */
public final class WrittenTime {

    /** The zone every district of the suite lives in unless configured otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private WrittenTime() {
    }

    /** 2026年12月3日 15:04 */
    public static String of(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return date(t.toLocalDate()) + " " + two(t.getHour()) + ":" + two(t.getMinute());
    }

    /**
     * The end of a legal period as the law states it: a deadline at local midnight is 24:00 of the day before
     * (2026年12月17日 24:00), not 00:00 of the next day, which would read as a day too late.
     */
    public static String endOf(Instant limit, ZoneId zone) {
        ZonedDateTime t = limit.atZone(zone);
        if (t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return date(t.toLocalDate().minusDays(1)) + " 24:00";
        }
        return of(limit, zone);
    }

    /** 2026年12月3日 */
    public static String dateOf(Instant instant, ZoneId zone) {
        return date(instant.atZone(zone).toLocalDate());
    }

    /** 2026年12月3日 */
    public static String date(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** 15:04 */
    public static String clock(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return two(t.getHour()) + ":" + two(t.getMinute());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
