package org.xinfang.intake.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The State Council's notices for 2025 and 2026, written out day by day, and clocks that count by them. */
final class LegalClocks {

    static final LegalRules NATIONAL = LegalRules.nationalDefaults(LegalRules.CHINA);
    static final CalendarYear Y2025 = year(2025, "国办发明电〔2024〕12号",
            List.of(range("元旦", "2025-01-01", "2025-01-01"), range("春节", "2025-01-28", "2025-02-04"),
                    range("清明节", "2025-04-04", "2025-04-06"), range("劳动节", "2025-05-01", "2025-05-05"),
                    range("端午节", "2025-05-31", "2025-06-02"), range("国庆节、中秋节", "2025-10-01", "2025-10-08")),
            List.of(day("2025-01-26"), day("2025-02-08"), day("2025-04-27"), day("2025-09-28"), day("2025-10-11")));
    static final CalendarYear Y2026 = year(2026, "国务院办公厅关于2026年部分节假日安排的通知",
            List.of(range("元旦", "2026-01-01", "2026-01-03"), range("春节", "2026-02-15", "2026-02-23"),
                    range("清明节", "2026-04-04", "2026-04-06"), range("劳动节", "2026-05-01", "2026-05-05"),
                    range("端午节", "2026-06-19", "2026-06-21"), range("中秋节", "2026-09-25", "2026-09-27"),
                    range("国庆节", "2026-10-01", "2026-10-07")),
            List.of(day("2026-01-04"), day("2026-02-14"), day("2026-02-28"), day("2026-05-09"), day("2026-09-20"),
                    day("2026-10-10")));

    private LegalClocks() {
    }

    /** The national rules over the 2025 and 2026 calendars; 2027 is not published. */
    static LegalClock national() {
        return with(NATIONAL, Y2025, Y2026);
    }

    static LegalClock with(LegalRules rules, CalendarYear... years) {
        return new LegalClock(rules, new WorkingCalendar("d-east", List.of(years)));
    }

    static CalendarYear year(int year, String source, List<DayRange> holidays, List<DayRange> working) {
        return CalendarYear.proposed(null, year, 1, true, source, holidays, working, null, null);
    }

    static DayRange range(String name, String from, String to) {
        return new DayRange(name, LocalDate.parse(from), LocalDate.parse(to));
    }

    static DayRange day(String date) {
        return range("调休上班", date, date);
    }

    /** The same calendar with one more closure: a later version of the year. */
    static CalendarYear withClosure(CalendarYear base, String district, int version, DayRange closure) {
        List<DayRange> holidays = new ArrayList<>(base.holidays());
        holidays.add(closure);
        return CalendarYear.proposed(district, base.year(), version, true, base.source(), holidays, base.workingDays(),
                null, null);
    }
}
