package org.xinfang.reporting.web;

import org.xinfang.kit.outbound.OutboundPolicy;
import org.xinfang.kit.web.ApiProblem;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.reporting.messaging.WebhookDispatcher;
import org.xinfang.reporting.persistence.WebhookStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A bureau system subscribes a URL to its district's snapshots. The answer to the subscription carries the signing
 * secret once; listings never show it again. The body is read field by field: only {@code url} and {@code secret},
 * both plain strings of bounded length, so operators, nested objects or odd keys never reach the store.
 */
@RestController
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> FIELDS = Set.of("url", "secret");
    private static final int MAX_URL = 2048;
    private static final int MAX_SECRET = 256;

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final OutboundPolicy outbound;

    WebhookController(WebhookStore store, WebhookDispatcher dispatcher, OutboundPolicy outbound) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.outbound = outbound;
    }

    /** What a subscription request holds, once checked. */
    record Subscribe(String url, String secret) {
    }

    record Subscribed(String id, String district, String url, String secret) {
    }

    record Listed(String id, String url) {
    }

    /** The new secret, shown once, and until when the one it replaces still signs next to it (null: not at all). */
    record Rotated(String id, String district, String secret, java.time.Instant previousSignsUntil) {
    }

    private static final Set<String> ROTATION_FIELDS = Set.of("secret", "overlap");
    /** How long a rotated secret may still sign: a week at most; by default a day. */
    private static final java.time.Duration LONGEST_OVERLAP = java.time.Duration.ofDays(7);
    private static final java.time.Duration DEFAULT_OVERLAP = java.time.Duration.ofDays(1);

    @PostMapping("/api/v1/subscriptions/districts/{district}/webhooks")
    Mono<ResponseEntity<Subscribed>> subscribe(@PathVariable String district, Caller caller,
                                               @RequestBody(required = false) JsonNode body) {
        ReportAccess.webhooks(caller, district);
        Subscribe request = read(body);
        String secret = request.secret() != null ? request.secret() : newSecret();
        WebhookStore.Webhook hook = new WebhookStore.Webhook(UUID.randomUUID().toString(), district, request.url(), secret);
        WebhookStore.Subscriber by = new WebhookStore.Subscriber(caller.subject(), caller.name(), ReportAccess.roleOf(caller));
        return outbound.checkRegistration("url", request.url()).then(store.add(hook, by)).map(saved -> {
            dispatcher.added(saved);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/subscriptions/districts/" + district + "/webhooks/" + saved.id()))
                    .body(new Subscribed(saved.id(), district, saved.url(), saved.secret()));
        });
    }

    @GetMapping("/api/v1/subscriptions/districts/{district}/webhooks")
    Mono<List<Listed>> list(@PathVariable String district, Caller caller) {
        ReportAccess.webhooks(caller, district);
        return store.all().map(all -> all.stream().filter(h -> h.district().equals(district))
                .map(h -> new Listed(h.id(), h.url())).toList());
    }

    /**
     * A new secret for a subscription ({@code secret} chosen by the subscriber, or made here), answered once. The one
     * it replaces keeps signing next to it for {@code overlap} (ISO-8601, default a day, at most a week), so the
     * receiver can switch without losing a snapshot. Recorded with who and when.
     */
    @PostMapping("/api/v1/subscriptions/districts/{district}/webhooks/{id}/secret")
    Mono<Rotated> rotate(@PathVariable String district, @PathVariable String id, Caller caller,
                         @RequestBody(required = false) JsonNode body) {
        ReportAccess.webhooks(caller, district);
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                throw ApiProblem.invalid("request", "a JSON object with optionally secret and overlap");
            }
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (!ROTATION_FIELDS.contains(field.getKey())) {
                    throw ApiProblem.invalid(printable(field.getKey()), "is not a field of this request");
                }
            }
        }
        String chosen = body == null || body.isNull() ? null : text(body, "secret", MAX_SECRET);
        if (chosen != null && chosen.length() < 16) {
            throw ApiProblem.invalid("secret", "at least 16 characters, or leave it out to have one made");
        }
        java.time.Duration overlap = overlap(body == null || body.isNull() ? null : text(body, "overlap", 32));
        String secret = chosen != null ? chosen : newSecret();
        WebhookStore.Subscriber by = new WebhookStore.Subscriber(caller.subject(), caller.name(), ReportAccess.roleOf(caller));
        java.time.Instant until = java.time.Instant.now().plus(overlap);
        return store.rotate(district, id, secret, until, by)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no webhook " + id)))
                .map(rotated -> {
                    dispatcher.rotated(rotated);
                    return new Rotated(id, district, secret, overlap.isZero() ? null : until);
                });
    }

    private static java.time.Duration overlap(String text) {
        if (text == null) {
            return DEFAULT_OVERLAP;
        }
        java.time.Duration overlap;
        try {
            overlap = java.time.Duration.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.invalid("overlap", "an ISO-8601 duration such as PT24H");
        }
        if (overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw ApiProblem.invalid("overlap", "from PT0S to " + LONGEST_OVERLAP);
        }
        return overlap;
    }

    @DeleteMapping("/api/v1/subscriptions/districts/{district}/webhooks/{id}")
    Mono<ResponseEntity<Void>> unsubscribe(@PathVariable String district, @PathVariable String id, Caller caller) {
        ReportAccess.webhooks(caller, district);
        WebhookStore.Subscriber by = new WebhookStore.Subscriber(caller.subject(), caller.name(), ReportAccess.roleOf(caller));
        return store.remove(district, id, by).map(removed -> {
            if (!removed) {
                throw ApiProblem.notFound("no webhook " + id);
            }
            dispatcher.removed(district, id);
            return ResponseEntity.noContent().build();
        });
    }

    private static Subscribe read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("request", "a JSON object with url and optionally secret is required");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw ApiProblem.invalid(printable(field.getKey()), "is not a field of this request");
            }
        }
        String url = text(body, "url", MAX_URL);
        if (url == null || !validUrl(url)) {
            throw ApiProblem.invalid("url", "an absolute http or https URL is required");
        }
        String secret = text(body, "secret", MAX_SECRET);
        if (secret != null && secret.length() < 16) {
            throw ApiProblem.invalid("secret", "at least 16 characters, or leave it out to have one made");
        }
        return new Subscribe(url, secret);
    }

    /** A plain string without control characters, or absent; an object, array or number is refused. */
    private static String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiProblem.invalid(field, "must be a string");
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            throw ApiProblem.invalid(field, "at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
            throw ApiProblem.invalid(field, "must not contain control characters");
        }
        return text;
    }

    /** A refused key is echoed in the answer, so it is cut short and stripped of control characters first. */
    private static String printable(String key) {
        String cut = key.length() > 64 ? key.substring(0, 64) : key;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
