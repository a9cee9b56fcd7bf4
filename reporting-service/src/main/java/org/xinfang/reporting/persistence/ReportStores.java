package org.xinfang.reporting.persistence;

/** The fact, tally and open-petition stores of one generation. */
public record ReportStores(long generation, FactStore facts, TallyStore tallies, OpenPetitionStore open) {

    public static ReportStores of(Generation generations, long generation) {
        return new ReportStores(generation, new FactStore(generations.facts(generation)),
                new TallyStore(generations.tallies(generation), generations.cache(), generation), new OpenPetitionStore(generations.open(generation)));
    }

    /** Drops a generation's collections: before a rebuild fills it, so it starts empty. */
    public static reactor.core.publisher.Mono<Void> drop(Generation generations, long generation) {
        generations.cache().clear();
        return reactor.core.publisher.Mono.from(generations.facts(generation).drop())
                .then(reactor.core.publisher.Mono.from(generations.tallies(generation).drop()))
                .then(reactor.core.publisher.Mono.from(generations.open(generation).drop()));
    }
}
