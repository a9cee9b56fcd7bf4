package org.xinfang.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.DayRange;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidSettingsException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a calendar year from {@code {"published", "source", "holidays": [{"name", "from", "to"}], "workingDays": […]}}
 * and checks it whole: the shape here, the days in {@link CalendarYear#proposed}.
 */
final class CalendarReader {

    private static final int MAX_RANGES = 60;

    private CalendarReader() {
    }

    static CalendarYear read(byte[] body, String district, int year, int version, Instant at, String by) {
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(root, "", errors);
        f.allowOnly(Set.of("published", "source", "holidays", "workingDays"));
        if (!root.has("published")) {
            f.error("published", "required: true once the year's notice is published");
        }
        boolean published = f.flag("published");
        String source = f.text("source", false, 400, false);
        List<DayRange> holidays = ranges(f, "holidays", errors);
        List<DayRange> workingDays = ranges(f, "workingDays", errors);
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return CalendarYear.proposed(district, year, version, published, source, holidays, workingDays, at, by);
    }

    private static List<DayRange> ranges(FieldReader f, String name, List<FieldError> errors) {
        List<DayRange> ranges = new ArrayList<>();
        List<JsonNode> items = f.objects(name, MAX_RANGES);
        for (int i = 0; i < items.size(); i++) {
            FieldReader r = new FieldReader(items.get(i), name + "[" + i + "]", errors);
            r.allowOnly(Set.of("name", "from", "to"));
            String label = r.text("name", true, 40, false);
            LocalDate from = date(r, items.get(i), "from", true);
            LocalDate to = date(r, items.get(i), "to", false);
            ranges.add(new DayRange(label, from, to == null ? from : to));
        }
        return ranges;
    }

    private static LocalDate date(FieldReader r, JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                r.error(name, "required: a date such as 2026-10-01");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.isString() ? value.stringValue() : "");
        } catch (DateTimeParseException e) {
            r.error(name, "must be a date such as 2026-10-01");
            return null;
        }
    }
}
