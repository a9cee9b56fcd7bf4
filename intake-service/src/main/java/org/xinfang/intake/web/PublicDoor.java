package org.xinfang.intake.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.vocabulary.WrittenTime;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.Evaluation;
import org.xinfang.intake.domain.EvaluationRefusedException;
import org.xinfang.intake.domain.EvaluationRules;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.PetitionChange;
import org.xinfang.intake.domain.PublicSubmission;
import org.xinfang.intake.domain.QueryCode;
import org.xinfang.intake.domain.QueryCodeKey;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.domain.RegistrationRules;
import org.xinfang.intake.domain.School;
import org.xinfang.intake.domain.SchoolDirectory;
import org.xinfang.intake.domain.WorkChallenge;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.messaging.PetitionOutbox;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.PublicDoorCounters;
import org.xinfang.intake.persistence.PublicDoorRecord;
import org.xinfang.intake.persistence.PublicPetition;
import org.xinfang.intake.persistence.UsedChallenges;
import reactor.core.publisher.Mono;

/**
 * What the public door does: takes a petition without an account (through the same registration as a clerk's, so
 * the same life cycle, events, routing and alerts follow), finds a petition by its query code with the lockout in
 * front, and records the petitioner's evaluation.
 */
@Component
class PublicDoor {

    private final PetitionRegistrar registrar;
    private final PetitionStore store;
    private final PetitionOutbox outbox;
    private final SchoolDirectory schools;
    private final LegalTimes legalTimes;
    private final WorkChallenge challenges;
    private final UsedChallenges used;
    private final QueryCodeKey codes;
    private final PublicDoorCounters counters;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PublicDoor(PetitionRegistrar registrar, PetitionStore store, PetitionOutbox outbox, SchoolDirectory schools,
               LegalTimes legalTimes, WorkChallenge challenges, UsedChallenges used, QueryCodeKey codes,
               PublicDoorCounters counters, Clock clock) {
        this.registrar = registrar;
        this.store = store;
        this.outbox = outbox;
        this.schools = schools;
        this.legalTimes = legalTimes;
        this.challenges = challenges;
        this.used = used;
        this.codes = codes;
        this.counters = counters;
        this.clock = clock;
    }

    WorkChallenge.Issued challenge() {
        return challenges.issue(clock.instant());
    }

    /**
     * Everything that can be checked without writing is checked first (fields, school, registration rules, the
     * challenge's signature and solution), so bad input stores nothing. A repeat under the same idempotency key and
     * body answers the first petition with the same code, before its challenge is looked at again.
     */
    Mono<Answer<PublicReceipt>> submit(PublicSubmissionReader.Submitted submitted, String idempotencyKey,
                                       String requestHash) {
        Instant now = clock.instant();
        PublicSubmission s = submitted.submission();
        School school = schools.listed(s.district(), s.school()).orElseThrow(() -> PublicProblems.invalid(
                List.of(new FieldError("school", "没有找到该区的这所学校，请重新选择"))));
        Registration registration = s.registration();
        if (!RegistrationRules.check(registration, now).isEmpty()) {
            throw PublicProblems.invalid(List.of(new FieldError("body", "提交的内容不完整，请检查后重试")));
        }
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("public|" + school.district() + "|" + school.id() + "|" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Mono<Boolean> repeat = idempotencyKey == null ? Mono.just(false)
                : store.findForSchool(school.district(), school.id(), id).hasElement();
        return repeat.flatMap(isRepeat -> isRepeat ? repeated(school, registration, id, idempotencyKey, requestHash)
                : fresh(school, registration, submitted, id, idempotencyKey, requestHash, now));
    }

    private Mono<Answer<PublicReceipt>> fresh(School school, Registration registration,
                                              PublicSubmissionReader.Submitted submitted, String id,
                                              String idempotencyKey, String requestHash, Instant now) {
        WorkChallenge.Solved solved;
        try {
            solved = challenges.check(submitted.challenge(), submitted.solution(), now);
        } catch (InvalidPetitionException e) {
            throw PublicProblems.invalid(e.errors());
        }
        QueryCode code = QueryCode.fresh(random);
        PublicDoorRecord door = new PublicDoorRecord(codes.hash(code),
                idempotencyKey == null ? null : codes.seal(code, idempotencyKey), null);
        return counters.submissions().increment("school|" + school.district() + "|" + school.id(), now)
                .flatMap(count -> count.count() > counters.submissionsPerSchool()
                        ? Mono.error(PublicProblems.schoolBusy(Duration.between(now, count.windowEnds())))
                        : used.claim(solved.nonce(), requestHash, solved.expiresAt()))
                .flatMap(claimed -> claimed ? registrar.register(school, Actor.PETITIONER, registration, id,
                        idempotencyKey == null ? null : requestHash, door)
                        : Mono.error(PublicProblems.invalid(List.of(new FieldError("challenge",
                        "验证题已经用过，请重新获取")))))
                .flatMap(registered -> registered.replayed()
                        ? repeated(school, registration, id, idempotencyKey, requestHash)
                        : receipt(registered.stored().petition(), school, code, registration)
                        .map(receipt -> new Answer<>(receipt, false)));
    }

    /** The same submission again: the first petition, with the code sealed for exactly this retry. */
    private Mono<Answer<PublicReceipt>> repeated(School school, Registration registration, String id,
                                                 String idempotencyKey, String requestHash) {
        return store.findForSchool(school.district(), school.id(), id)
                .zipWith(store.requestHashOf(id).defaultIfEmpty(""))
                .flatMap(found -> {
                    if (!found.getT2().equals(requestHash)) {
                        return Mono.error(new IdempotencyConflictException());
                    }
                    return store.doorOf(id).mapNotNull(door -> door.sealedCode() == null ? null
                                    : codes.open(door.sealedCode(), idempotencyKey).orElse(null))
                            .switchIfEmpty(Mono.error(IdempotencyConflictException::new))
                            .flatMap(code -> receipt(found.getT1().petition(), school, code, registration))
                            .map(receipt -> new Answer<>(receipt, true));
                });
    }

    private Mono<PublicReceipt> receipt(org.xinfang.intake.domain.Petition p, School school, QueryCode code,
                                        Registration registration) {
        return zoneOf(p.district()).map(zone -> new PublicReceipt(code.written(), p.number(), school.name(),
                p.state().chineseName(), WrittenTime.of(p.receivedAt(), zone),
                p.handling().dueBy() == null ? null : WrittenTime.endOf(p.handling().dueBy(), zone),
                registration.anonymous(), PublicReceipt.KEEP_THE_CODE + (registration.anonymous()
                ? PublicReceipt.ANONYMOUS : PublicReceipt.NAMED)));
    }

    /** The petition of a query code as its petitioner sees it. */
    Mono<PublicPetitionView> lookUp(String typedCode, String address) {
        return find(typedCode, address).flatMap(this::view);
    }

    /** Records the evaluation once the petition is closed, once; a second one is refused with 409. */
    Mono<PublicPetitionView> evaluate(String typedCode, String address, Evaluation evaluation) {
        return find(typedCode, address).flatMap(found -> {
            PetitionChange change = EvaluationRules.evaluate(found.stored().petition(), evaluation,
                    found.door().evaluation() != null);
            return outbox.evaluate(found.stored(), change, evaluation)
                    .switchIfEmpty(Mono.defer(() -> store.doorOf(found.stored().petition().id())
                            .flatMap(door -> door.evaluation() != null
                                    ? Mono.error(new EvaluationRefusedException("该信访事项已评价过，每件只能评价一次"))
                                    : Mono.error(new ConcurrentChangeException(found.stored().petition().id())))))
                    .flatMap(stored -> view(new PublicPetition(stored, new PublicDoorRecord(found.door().codeHash(),
                            found.door().sealedCode(), evaluation))));
        });
    }

    /**
     * The petition of a code, behind the lockout. A code that cannot be one, an unknown one and a wrong one are all
     * answered with the same 404 and counted alike against the address; once an address has used up its wrong codes
     * its next request is refused (429) until the window ends, whatever code it sends.
     */
    private Mono<PublicPetition> find(String typedCode, String address) {
        Instant now = clock.instant();
        String counted = "address|" + PetitionRegistrar.sha256(address.getBytes(StandardCharsets.UTF_8));
        return counters.wrongCodes().current(counted, now).flatMap(so -> {
            if (so.count() >= counters.wrongCodesAllowed()) {
                return Mono.error(PublicProblems.lockedOut(Duration.between(now, so.windowEnds())));
            }
            Optional<QueryCode> code = QueryCode.read(typedCode);
            Mono<PublicPetition> found = code.isEmpty() ? Mono.empty()
                    : store.findByCodeHash(codes.hash(code.get()))
                    .filter(p -> p.door() != null && codes.matches(code.get(), p.door().codeHash()));
            return found.switchIfEmpty(Mono.defer(() -> counters.wrongCodes().increment(counted, now)
                    .then(Mono.error(PublicProblems::unknownCode))));
        });
    }

    private Mono<PublicPetitionView> view(PublicPetition found) {
        var p = found.stored().petition();
        String schoolName = schools.school(p.district(), p.school()).name();
        return zoneOf(p.district()).map(zone -> PublicPetitionView.of(p, schoolName, found.door().evaluation(), zone,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private Mono<ZoneId> zoneOf(String district) {
        return legalTimes.clockOf(district).map(legalClock -> legalClock.rules().zone());
    }

    /** An answer, and whether it repeats the one a first request got. */
    record Answer<T>(T body, boolean replayed) {
    }
}
