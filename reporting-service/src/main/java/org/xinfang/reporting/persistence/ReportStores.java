package org.xinfang.reporting.persistence;

import reactor.core.publisher.Mono;

/** The fact, tally, open-petition and school stores of one generation. */
public record ReportStores(long generation, FactStore facts, TallyStore tallies, OpenPetitionStore open,
                           SchoolDirectory schools) {

    public static ReportStores of(Generation generations, long generation) {
        return new ReportStores(generation, new FactStore(generations.facts(generation)),
                new TallyStore(generations.tallies(generation), generations.cache(), generation),
                new OpenPetitionStore(generations.open(generation)),
                new SchoolDirectory(generations.schools(generation), generations.knownSchools(), generation));
    }

    /** Drops a generation's collections: before a rebuild fills it, so it starts empty. */
    public static Mono<Void> drop(Generation generations, long generation) {
        generations.cache().clear();
        generations.knownSchools().clear();
        return Mono.from(generations.facts(generation).drop())
                .then(Mono.from(generations.tallies(generation).drop()))
                .then(Mono.from(generations.open(generation).drop()))
                .then(Mono.from(generations.schools(generation).drop()));
    }
}
