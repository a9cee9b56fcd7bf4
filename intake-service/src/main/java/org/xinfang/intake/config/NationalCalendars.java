package org.xinfang.intake.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.DayRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national calendars the repository ships, one file per year taken from the State Council's notice for it
 * ({@code calendars/national-YYYY.json}), checked like an administrator's calendar: a file that breaks a rule stops
 * the start.
 */
final class NationalCalendars {

    static final String LOCATION = "classpath*:calendars/national-*.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private NationalCalendars() {
    }

    static List<CalendarYear> shipped() {
        try {
            List<CalendarYear> years = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = r.getInputStream()) {
                    years.add(read(MAPPER.readTree(in)));
                }
            }
            return years;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the national calendars", e);
        }
    }

    static CalendarYear read(JsonNode n) {
        return CalendarYear.proposed(null, n.get("year").asInt(), n.get("version").asInt(),
                n.get("published").asBoolean(), n.get("source").asString(), ranges(n.get("holidays")),
                ranges(n.get("workingDays")), null, null);
    }

    private static List<DayRange> ranges(JsonNode list) {
        List<DayRange> ranges = new ArrayList<>();
        for (JsonNode r : list) {
            ranges.add(new DayRange(r.get("name").asString(), java.time.LocalDate.parse(r.get("from").asString()),
                    java.time.LocalDate.parse(r.get("to").asString())));
        }
        return ranges;
    }
}
