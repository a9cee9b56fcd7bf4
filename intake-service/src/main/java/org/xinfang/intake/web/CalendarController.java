package org.xinfang.intake.web;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidSettingsException;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.persistence.CalendarStore;
import org.xinfang.intake.persistence.LegalTimes;
import reactor.core.publisher.Mono;

/**
 * The district's calendar of each year: {@code GET /api/v1/calendars/{year}} (the one in force: the district's own,
 * else the national one), {@code PUT} (the administrator saves a new version, checked whole, nothing stored when a
 * rule is broken) and {@code GET …/history} (every version the district saved, and the national one).
 */
@RestController
class CalendarController {

    private static final Logger log = LoggerFactory.getLogger(CalendarController.class);

    private final CalendarStore calendars;
    private final LegalTimes legalTimes;
    private final Clock clock;

    CalendarController(CalendarStore calendars, LegalTimes legalTimes, Clock clock) {
        this.calendars = calendars;
        this.legalTimes = legalTimes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/calendars/{year}")
    Mono<CalendarView> inForce(Caller caller, @PathVariable String year) {
        return legalTimes.calendarOf(caller.district(), year(year)).map(CalendarView::of);
    }

    @GetMapping("/api/v1/calendars/{year}/history")
    Mono<History> history(Caller caller, @PathVariable String year) {
        int y = year(year);
        return calendars.history(caller.district(), y).map(CalendarView::of).collectList()
                .map(versions -> new History(CalendarView.of(legalTimes.nationalOf(y)), versions));
    }

    @PutMapping("/api/v1/calendars/{year}")
    Mono<CalendarView> save(Caller caller, @PathVariable String year, @RequestBody(required = false) byte[] body) {
        SettingsAccess.requireAdministrator(caller);
        int y = year(year);
        // Checked before the store is asked anything: an invalid calendar stores nothing.
        CalendarReader.read(body, caller.district(), y, 1, clock.instant(), caller.subject());
        return calendars.latest(caller.district(), y).map(CalendarYear::version).defaultIfEmpty(0)
                .flatMap(latest -> calendars.insert(CalendarReader.read(body, caller.district(), y, latest + 1,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.subject())))
                .switchIfEmpty(Mono.error(() -> new ConcurrentChangeException("calendar " + y)))
                .doOnNext(saved -> {
                    legalTimes.forget(caller.district());
                    log.info("calendar {} saved by {}", saved.versionName(), caller.subject());
                })
                .map(CalendarView::of);
    }

    static int year(String text) {
        try {
            int y = Integer.parseInt(text);
            if (y >= CalendarYear.FIRST_YEAR && y <= CalendarYear.LAST_YEAR) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below, as any year out of range
        }
        throw new InvalidSettingsException(List.of(new FieldError("year",
                "must be a year from " + CalendarYear.FIRST_YEAR + " to " + CalendarYear.LAST_YEAR)));
    }

    record History(CalendarView national, List<CalendarView> versions) {
    }
}
