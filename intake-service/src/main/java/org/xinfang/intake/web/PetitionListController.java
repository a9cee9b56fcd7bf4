package org.xinfang.intake.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.persistence.PageCursor;
import org.xinfang.intake.persistence.PageOrder;
import org.xinfang.intake.persistence.PetitionFilter;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.StoredPetition;
import reactor.core.publisher.Mono;

/**
 * A school's register, filtered and paged with a cursor ({@code GET /api/v1/petitions}), and a department's inbox of
 * open petitions, soonest deadline first ({@code GET /api/v1/departments/{department}/inbox}). A department handler
 * lists only the petitions routed to or co-handled by its department, and opens only its own department's inbox.
 */
@RestController
class PetitionListController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Set<String> LIST_PARAMETERS = Set.of("state", "subject", "department", "form", "level",
            "channel", "from", "to", "overdue", "limit", "cursor", "number");
    private static final Set<String> INBOX_PARAMETERS = Set.of("limit", "cursor");
    private static final Pattern DEPARTMENT = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}_-]{1,32}〔\\d{4}〕\\d{1,9}号");
    /** What a department still has to act on. */
    static final Set<PetitionState> OPEN = EnumSet.of(PetitionState.ROUTED, PetitionState.ACCEPTED,
            PetitionState.IN_PROGRESS, PetitionState.EXTENDED, PetitionState.REVIEW_REQUESTED,
            PetitionState.RE_REVIEW_REQUESTED);

    private final PetitionStore store;
    private final LegalTimes legalTimes;
    private final Clock clock;

    PetitionListController(PetitionStore store, LegalTimes legalTimes, Clock clock) {
        this.store = store;
        this.legalTimes = legalTimes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/petitions")
    Mono<PetitionPage> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        PetitionAccess.requirePetitions(caller);
        List<FieldError> errors = new ArrayList<>();
        QueryReader q = new QueryReader(query, errors);
        q.allowOnly(LIST_PARAMETERS);
        Set<PetitionState> states = q.choices("state", PetitionState.class);
        Subject subject = q.choice("subject", Subject.class);
        String department = q.matching("department", DEPARTMENT, "1-64 letters, digits, '-' or '_'");
        Form form = q.choice("form", Form.class);
        EmergencyLevel level = q.choice("level", EmergencyLevel.class);
        Channel channel = q.choice("channel", Channel.class);
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        Boolean overdue = q.flag("overdue");
        String number = q.matching("number", NUMBER, "a petition number such as 东区一小〔2026〕17号");
        int limit = q.limit();
        PageCursor cursor = q.cursor();
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "is before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        Instant now = clock.instant();
        // from and to are the district's days, as a clerk means them, not UTC days.
        return legalTimes.clockOf(caller.district()).map(legalClock -> legalClock.rules().zone()).flatMap(zone -> {
            PetitionFilter filter = new PetitionFilter(caller.district(), PetitionAccess.school(caller),
                    PetitionAccess.handledBy(caller), states, subject, department,
                    form, level, channel, from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), overdue, now, number);
            return page(filter, PageOrder.NEWEST_FIRST, cursor, limit, now);
        });
    }

    @GetMapping("/api/v1/departments/{department}/inbox")
    Mono<PetitionPage> inbox(Caller caller, @PathVariable String department,
                             @RequestParam MultiValueMap<String, String> query) {
        PetitionAccess.requirePetitions(caller);
        List<FieldError> errors = new ArrayList<>();
        if (!DEPARTMENT.matcher(department).matches()) {
            errors.add(new FieldError("department", "1-64 letters, digits, '-' or '_'"));
        }
        QueryReader q = new QueryReader(query, errors);
        q.allowOnly(INBOX_PARAMETERS);
        int limit = q.limit();
        PageCursor cursor = q.cursor();
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        String handledBy = PetitionAccess.handledBy(caller);
        if (handledBy != null && !handledBy.equals(department)) {
            throw NotFound.inbox(department);
        }
        Instant now = clock.instant();
        PetitionFilter filter = new PetitionFilter(caller.district(), PetitionAccess.school(caller), null, OPEN, null,
                department, null, null, null, null, null, null, now);
        return page(filter, PageOrder.DUE_FIRST, cursor, limit, now);
    }

    private Mono<PetitionPage> page(PetitionFilter filter, PageOrder order, PageCursor cursor, int limit, Instant now) {
        return store.page(filter, order, cursor, limit).collectList().map(found -> {
            List<StoredPetition> shown = found.size() > limit ? found.subList(0, limit) : found;
            String next = null;
            if (found.size() > limit) {
                var last = shown.get(shown.size() - 1).petition();
                Instant key = order == PageOrder.NEWEST_FIRST ? last.receivedAt() : last.handling().dueBy();
                next = new PageCursor(key, last.id()).encode();
            }
            return new PetitionPage(shown.stream().map(s -> PetitionSummary.of(s.petition(), now)).toList(), next);
        });
    }

    /** Reads query parameters, one error per bad parameter. */
    private record QueryReader(MultiValueMap<String, String> query, List<FieldError> errors) {

        void allowOnly(Set<String> known) {
            for (String name : query.keySet()) {
                if (!known.contains(name)) {
                    errors.add(new FieldError(name.length() > 64 ? name.substring(0, 64) : name, "unknown parameter"));
                }
            }
        }

        String single(String name) {
            List<String> values = query.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                errors.add(new FieldError(name, "given more than once"));
                return null;
            }
            return values.get(0);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            errors.add(new FieldError(name, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }

        /** Repeated ({@code state=A&state=B}) or comma-separated. */
        <E extends Enum<E>> Set<E> choices(String name, Class<E> type) {
            Set<E> result = EnumSet.noneOf(type);
            for (String value : query.getOrDefault(name, List.of())) {
                for (String part : value.split(",", -1)) {
                    E found = null;
                    for (E constant : type.getEnumConstants()) {
                        if (constant.name().equals(part)) {
                            found = constant;
                        }
                    }
                    if (found == null) {
                        errors.add(new FieldError(name, "must be one of " + List.of(type.getEnumConstants())));
                        return Set.of();
                    }
                    result.add(found);
                }
            }
            return result;
        }

        String matching(String name, Pattern pattern, String describe) {
            String value = single(name);
            if (value != null && !pattern.matcher(value).matches()) {
                errors.add(new FieldError(name, describe));
                return null;
            }
            return value;
        }

        LocalDate date(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be a date YYYY-MM-DD"));
                return null;
            }
        }

        Boolean flag(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            if (!value.equals("true") && !value.equals("false")) {
                errors.add(new FieldError(name, "must be true or false"));
                return null;
            }
            return Boolean.valueOf(value);
        }

        int limit() {
            String value = single("limit");
            if (value == null) {
                return DEFAULT_LIMIT;
            }
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }

        PageCursor cursor() {
            String value = single("cursor");
            if (value == null) {
                return null;
            }
            return PageCursor.decode(value).orElseGet(() -> {
                errors.add(new FieldError("cursor", "not a cursor this service gave out"));
                return null;
            });
        }
    }
}
