package org.xinfang.reporting.web;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.reporting.messaging.WebhookDispatcher;
import org.xinfang.reporting.persistence.WebhookStore;
import reactor.core.publisher.Mono;

/**
 * A bureau system subscribes a URL to its district's snapshots. The answer to the subscription carries the signing
 * secret once; listings never show it again.
 */
@RestController
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;

    WebhookController(WebhookStore store, WebhookDispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    record Subscribe(String url, String secret) {
    }

    record Subscribed(String id, String district, String url, String secret) {
    }

    record Listed(String id, String url) {
    }

    @PostMapping("/api/v1/subscriptions/districts/{district}/webhooks")
    Mono<ResponseEntity<Subscribed>> subscribe(@PathVariable String district,
                                               @RequestHeader(name = "X-District", required = false) String caller,
                                               @RequestBody(required = false) Subscribe request) {
        Tenancy.mustBe("X-District", caller, district);
        if (request == null || request.url() == null || !validUrl(request.url())) {
            throw Problem.invalid("url", "an absolute http or https URL is required");
        }
        if (request.secret() != null && request.secret().length() < 16) {
            throw Problem.invalid("secret", "at least 16 characters, or leave it out to have one made");
        }
        String secret = request.secret() != null ? request.secret() : newSecret();
        WebhookStore.Webhook hook = new WebhookStore.Webhook(UUID.randomUUID().toString(), district, request.url(), secret);
        return store.add(hook).map(saved -> {
            dispatcher.added(saved);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/subscriptions/districts/" + district + "/webhooks/" + saved.id()))
                    .body(new Subscribed(saved.id(), district, saved.url(), saved.secret()));
        });
    }

    @GetMapping("/api/v1/subscriptions/districts/{district}/webhooks")
    Mono<List<Listed>> list(@PathVariable String district,
                            @RequestHeader(name = "X-District", required = false) String caller) {
        Tenancy.mustBe("X-District", caller, district);
        return store.all().map(all -> all.stream().filter(h -> h.district().equals(district))
                .map(h -> new Listed(h.id(), h.url())).toList());
    }

    @DeleteMapping("/api/v1/subscriptions/districts/{district}/webhooks/{id}")
    Mono<ResponseEntity<Void>> unsubscribe(@PathVariable String district, @PathVariable String id,
                                           @RequestHeader(name = "X-District", required = false) String caller) {
        Tenancy.mustBe("X-District", caller, district);
        return store.remove(district, id).map(removed -> {
            if (!removed) {
                throw Problem.notFound("no webhook " + id);
            }
            dispatcher.removed(district, id);
            return ResponseEntity.noContent().build();
        });
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
