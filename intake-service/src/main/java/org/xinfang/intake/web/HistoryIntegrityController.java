package org.xinfang.intake.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.persistence.HistoryIntegrity;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.kit.web.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * The operator's check that no petition's history was changed behind the suite's back (the seals of
 * {@code HistorySeal}): {@code GET /api/v1/petitions/{id}/history/integrity} for one petition,
 * {@code GET /api/v1/history-integrity} for every petition of the caller's district. The district's administrator
 * only, and only the district of the token; the answer names petitions by id and number, never a person.
 */
@RestController
class HistoryIntegrityController {

    /** Enough to act on; the counts say how many more there are. */
    static final int BROKEN_LISTED = 200;

    private final PetitionStore petitions;

    HistoryIntegrityController(PetitionStore petitions) {
        this.petitions = petitions;
    }

    @GetMapping("/api/v1/petitions/{id}/history/integrity")
    Mono<HistoryIntegrity> one(Caller caller, @PathVariable String id) {
        requireAdministrator(caller);
        return petitions.verifyHistory(caller.district(), id).switchIfEmpty(Mono.error(() -> NotFound.petition(id)));
    }

    @GetMapping("/api/v1/history-integrity")
    Mono<DistrictAudit> district(Caller caller) {
        requireAdministrator(caller);
        return petitions.verifyHistories(caller.district())
                .reduce(DistrictAudit.empty(caller.district()), DistrictAudit::with);
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw ApiProblem.forbidden("petition histories are audited by the district's administrator");
        }
    }

    /** How many petitions were checked, how many are intact, and the broken ones (the first {@value #BROKEN_LISTED}). */
    record DistrictAudit(String district, int checked, int intact, int withUnsealedEntries, int broken,
                         List<HistoryIntegrity> brokenPetitions) {

        static DistrictAudit empty(String district) {
            return new DistrictAudit(district, 0, 0, 0, 0, List.of());
        }

        DistrictAudit with(HistoryIntegrity one) {
            List<HistoryIntegrity> listed = brokenPetitions;
            if (!one.intact() && listed.size() < BROKEN_LISTED) {
                listed = new java.util.ArrayList<>(listed);
                listed.add(one);
            }
            return new DistrictAudit(district, checked + 1, intact + (one.intact() ? 1 : 0),
                    withUnsealedEntries + (one.unsealed() > 0 ? 1 : 0), broken + (one.intact() ? 0 : 1), listed);
        }
    }
}
