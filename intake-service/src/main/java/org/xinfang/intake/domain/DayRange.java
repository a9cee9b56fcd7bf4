package org.xinfang.intake.domain;

import java.time.LocalDate;

/** Named days of a calendar, from and to inclusive: "国庆节" from 10月1日 to 10月7日, or one shifted working day. */
public record DayRange(String name, LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean overlaps(DayRange other) {
        return !other.to.isBefore(from) && !other.from.isAfter(to);
    }
}
