package org.xinfang.intake.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.vocabulary.Satisfaction;
import org.xinfang.intake.domain.Evaluation;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.WorkChallenge;
import reactor.core.publisher.Mono;

/**
 * The public door (docs/public-door.md): a parent or resident sends a petition without an account, follows it with
 * the query code and rates it once it is closed. No token here: a challenge guards each submission, the code each
 * petition, and counters the addresses and schools.
 *
 * <p>The code travels in the body of a POST, never in a path or a query: URLs are written into access logs, proxy
 * logs, browser histories and Referer headers, and a code there would be a key left lying about.
 */
@RestController
@RequestMapping("/public/v1")
class PublicDoorController {

    private static final int MAX_COMMENT = 500;
    private static final Set<String> LOOKUP_FIELDS = Set.of("code");
    private static final Set<String> EVALUATION_FIELDS = Set.of("code", "satisfaction", "comment");

    private final PublicDoor door;

    PublicDoorController(PublicDoor door) {
        this.door = door;
    }

    /** A fresh proof-of-work challenge; how to solve it is in {@code rule}. */
    @GetMapping("/challenge")
    ResponseEntity<ChallengeView> challenge() {
        WorkChallenge.Issued issued = door.challenge();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ChallengeView(issued.challenge(), issued.difficulty(), issued.expiresAt(),
                        "找一个由字母和数字组成的 solution，使 SHA-256(challenge + \":\" + solution) 的前 difficulty 位为 0"));
    }

    record ChallengeView(String challenge, int difficulty, java.time.Instant expiresAt, String rule) {
    }

    @PostMapping(path = "/petitions", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    Mono<ResponseEntity<PublicReceipt>> submit(@RequestBody(required = false) byte[] body,
                                               @RequestHeader HttpHeaders headers) {
        String key = headers.getFirst("Idempotency-Key");
        if (key != null && !PetitionController.IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw PublicProblems.invalid(List.of(new FieldError("Idempotency-Key",
                    "Idempotency-Key 须为8至128个字母、数字或 ._:-")));
        }
        PublicSubmissionReader.Submitted submitted = PublicSubmissionReader.read(body);
        return door.submit(submitted, key, PetitionRegistrar.sha256(body)).map(answer -> {
            ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/public/v1/petitions/lookup"))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            if (answer.replayed()) {
                created.header("Idempotent-Replayed", "true");
            }
            return created.body(answer.body());
        });
    }

    /** The petition of a query code: {@code {"code": "ABCD-EFGH-JKMN-PQRS"}}. */
    @PostMapping(path = "/petitions/lookup", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    Mono<ResponseEntity<PublicPetitionView>> lookUp(@RequestBody(required = false) byte[] body,
                                                    ServerHttpRequest request) {
        PublicFields f = PublicFields.of(body, LOOKUP_FIELDS);
        String code = f.text("code", "查询码", true, 40, false);
        f.done();
        return door.lookUp(code, ClientAddress.of(request)).map(PublicDoorController::noStore);
    }

    /** {@code {"code": …, "satisfaction": "满意" | "基本满意" | "不满意", "comment": …}}, once the petition is closed. */
    @PostMapping(path = "/petitions/evaluation", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    Mono<ResponseEntity<PublicPetitionView>> evaluate(@RequestBody(required = false) byte[] body,
                                                      ServerHttpRequest request) {
        PublicFields f = PublicFields.of(body, EVALUATION_FIELDS);
        String code = f.text("code", "查询码", true, 40, false);
        String rating = f.text("satisfaction", "评价", true, 10, false);
        Satisfaction satisfaction = rating == null ? null : satisfaction(rating);
        if (rating != null && satisfaction == null) {
            f.refuse("satisfaction", "评价须为满意、基本满意或不满意");
        }
        String comment = f.text("comment", "意见", false, MAX_COMMENT, true);
        f.done();
        Evaluation evaluation = new Evaluation(satisfaction, comment,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        return door.evaluate(code, ClientAddress.of(request), evaluation).map(PublicDoorController::noStore);
    }

    private static Satisfaction satisfaction(String given) {
        for (Satisfaction s : Satisfaction.values()) {
            if (s != Satisfaction.UNKNOWN && (s.chineseName().equals(given) || s.name().equals(given))) {
                return s;
            }
        }
        return null;
    }

    /** What a petitioner reads about their petition is kept by no cache on the way. */
    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
