package org.xinfang.reporting.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.reporting.domain.Grain;
import org.xinfang.reporting.domain.OutcomeRules;
import org.xinfang.reporting.domain.PetitionFacts;
import org.xinfang.reporting.domain.PetitionOutcome;
import org.xinfang.reporting.domain.Period;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.ReportStores;
import org.xinfang.reporting.persistence.TallyStore;

/**
 * Folds a batch of events into the figures, level by level, each level recomputed from the one below it:
 * <ol>
 *   <li>each event's fact is set on its petition's document (idempotent: a fact is keyed by the event that stated it),
 *   and each receipt's school is listed under its district;</li>
 *   <li>every school-day a touched petition belongs to is recomputed from its petitions' facts, and the district's
 *   list of petitions waiting on a deadline is brought up to date;</li>
 *   <li>every touched district-day is recomputed as the sum of its schools' days;</li>
 *   <li>weeks and months are recomputed from their days, years from their months, for schools and districts.</li>
 * </ol>
 * Why recompute instead of incrementing counters: a recomputation is a pure function of the facts, so it is exact
 * however often an event is redelivered, in whatever order events arrive across topics, and after a crash between any
 * two writes (the batch's offsets are committed only after the last level is written, so the whole batch is folded
 * again, to the same result). Incrementing would need a guard per event and per counter document in the same write;
 * a petition's state moves (RECEIVED to RESOLVED), so it would also need decrements, which a replay must never repeat.
 * The cost stays small because each level reads only the documents it sums, by id.
 *
 * <p>One writer: the recomputations are not guarded against a second instance writing the same tally concurrently,
 * so reporting runs as a single consumer (see the deployment's replica count).
 */
final class EventFolder {

    private final OutcomeRules rules;
    /**
     * Each petition's latest outcome, so a school-day is re-summed without reading back the facts of petitions the
     * batch did not touch. Coherent for the same reason as the tally cache: this process is the only writer, and a
     * petition's outcome changes only when one of its events is folded, which recomputes it here.
     */
    private final Map<String, PetitionOutcome> outcomes;

    EventFolder(OutcomeRules rules, int outcomeCacheSize) {
        this.rules = rules;
        this.outcomes = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PetitionOutcome> eldest) {
                return size() > outcomeCacheSize;
            }
        });
    }

    /** After a failed batch the store may differ from what was remembered: forget it and read the store again. */
    void forget(ReportStores stores) {
        outcomes.clear();
        stores.tallies().forgetCached();
    }

    /** Folds the events; returns the recomputed district-day tallies, for publishing. */
    Map<TallyKey, Tally> fold(ReportStores stores, List<PipelineEvent> events) {
        stores.facts().record(events).block();
        List<TallyStore.Enrolment> enrolments = new ArrayList<>();
        for (PipelineEvent event : events) {
            if (event instanceof PetitionReceived r) {
                enrolments.add(new TallyStore.Enrolment(r.meta().petitionId(), r.meta().district(),
                        r.meta().school() == null ? "unknown" : r.meta().school(),
                        rules.dayOf(r.receivedAt()), r.schoolName()));
            }
        }
        // The school is known before any of its figures are, so a bureau never gets a 404 for figures it could see.
        stores.schools().learn(enrolments).block();
        stores.tallies().enrol(enrolments).block();

        Set<String> petitionIds = new LinkedHashSet<>();
        events.stream().map(e -> e.meta().petitionId()).filter(Objects::nonNull).forEach(petitionIds::add);
        Set<TallyKey> schoolDays = new LinkedHashSet<>();
        List<PetitionOutcome> touched = new ArrayList<>();
        for (PetitionFacts facts : stores.facts().load(petitionIds).collectList().block()) {
            rules.outcomeOf(facts).ifPresent(o -> {
                touched.add(o);
                outcomes.put(stores.generation() + "|" + o.petitionId(), o);
                schoolDays.add(TallyKey.ofSchool(o.district(), o.school(), new Period(Grain.DAY, o.day())));
            });
        }
        if (schoolDays.isEmpty()) {
            return Map.of();
        }
        stores.open().update(touched).block();
        stores.tallies().save(recomputeSchoolDays(stores, schoolDays)).block();

        Set<TallyKey> districtDays = new LinkedHashSet<>();
        schoolDays.forEach(k -> districtDays.add(TallyKey.ofDistrict(k.district(), k.period())));
        Map<TallyKey, Tally> districtTallies = recomputeDistrictDays(stores, districtDays);
        stores.tallies().save(districtTallies).block();

        Set<TallyKey> days = new LinkedHashSet<>(schoolDays);
        days.addAll(districtDays);
        Set<TallyKey> weeksAndMonths = new LinkedHashSet<>();
        Set<TallyKey> years = new LinkedHashSet<>();
        for (TallyKey day : days) {
            weeksAndMonths.add(day.withPeriod(Period.containing(Grain.WEEK, day.period().start())));
            weeksAndMonths.add(day.withPeriod(Period.containing(Grain.MONTH, day.period().start())));
            years.add(day.withPeriod(Period.containing(Grain.YEAR, day.period().start())));
        }
        stores.tallies().save(sumOfParts(stores, weeksAndMonths)).block();
        stores.tallies().save(sumOfParts(stores, years)).block();
        return districtTallies;
    }

    private Map<TallyKey, Tally> recomputeSchoolDays(ReportStores stores, Set<TallyKey> schoolDays) {
        Map<String, List<String>> enrolled = stores.tallies().members(schoolDays).block();
        Map<TallyKey, List<String>> membersByDay = new LinkedHashMap<>();
        Set<String> allMembers = new LinkedHashSet<>();
        for (TallyKey day : schoolDays) {
            List<String> members = enrolled.getOrDefault(day.id(), List.of());
            membersByDay.put(day, members);
            allMembers.addAll(members);
        }
        String prefix = stores.generation() + "|";
        List<String> unknown = allMembers.stream().filter(id -> !outcomes.containsKey(prefix + id)).toList();
        stores.facts().load(unknown).toIterable()
                .forEach(f -> rules.outcomeOf(f).ifPresent(o -> outcomes.put(prefix + o.petitionId(), o)));
        Map<TallyKey, Tally> computed = new LinkedHashMap<>();
        membersByDay.forEach((day, members) -> {
            Tally tally = new Tally();
            members.stream().map(id -> outcomes.get(prefix + id)).filter(Objects::nonNull).forEach(tally::add);
            computed.put(day, tally);
        });
        return computed;
    }

    private Map<TallyKey, Tally> recomputeDistrictDays(ReportStores stores, Set<TallyKey> districtDays) {
        Map<String, List<String>> enrolled = stores.tallies().schools(districtDays).block();
        Map<TallyKey, List<TallyKey>> parts = new LinkedHashMap<>();
        for (TallyKey day : districtDays) {
            parts.put(day, enrolled.getOrDefault(day.id(), List.of()).stream()
                    .map(school -> TallyKey.ofSchool(day.district(), school, day.period())).toList());
        }
        return sum(stores, parts);
    }

    private Map<TallyKey, Tally> sumOfParts(ReportStores stores, Collection<TallyKey> keys) {
        Map<TallyKey, List<TallyKey>> parts = new LinkedHashMap<>();
        keys.forEach(k -> parts.put(k, k.period().parts().stream().map(k::withPeriod).toList()));
        return sum(stores, parts);
    }

    private static Map<TallyKey, Tally> sum(ReportStores stores, Map<TallyKey, List<TallyKey>> parts) {
        Set<TallyKey> all = new LinkedHashSet<>();
        parts.values().forEach(all::addAll);
        Map<String, Tally> stored = stores.tallies().load(all).block();
        Map<TallyKey, Tally> computed = new LinkedHashMap<>();
        parts.forEach((key, children) -> {
            Tally tally = new Tally();
            children.stream().map(c -> stored.get(c.id())).filter(Objects::nonNull).forEach(tally::merge);
            computed.put(key, tally);
        });
        return computed;
    }
}
