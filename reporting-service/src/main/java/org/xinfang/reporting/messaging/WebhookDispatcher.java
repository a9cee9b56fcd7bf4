package org.xinfang.reporting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.xinfang.contracts.event.DistrictReportUpdated;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.reporting.domain.WebhookSignature;
import org.xinfang.reporting.persistence.WebhookStore;
import reactor.util.retry.Retry;

/**
 * Pushes every district snapshot to the district's webhook subscribers, signed (see {@link WebhookSignature}), with
 * retries on failure: up to {@code attempts} tries with exponential backoff on a connection error, a timeout, a 5xx
 * or a 429. A 4xx other than 429 is the receiver's refusal and is not retried. Retries live in memory: the next
 * snapshot supersedes a lost one, since each carries the district's whole figures for the day.
 */
public final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebClient client;
    private final Clock clock;
    private final int attempts;
    private final Duration firstBackoff;
    private final Map<String, List<WebhookStore.Webhook>> byDistrict = new ConcurrentHashMap<>();
    private final Counter delivered;
    private final Counter failed;

    WebhookDispatcher(WebClient client, Clock clock, int attempts, Duration firstBackoff, MeterRegistry meters) {
        this.client = client;
        this.clock = clock;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.delivered = meters.counter("reporting.webhooks.delivered");
        this.failed = meters.counter("reporting.webhooks.failed");
    }

    void load(List<WebhookStore.Webhook> hooks) {
        hooks.forEach(this::added);
    }

    public void added(WebhookStore.Webhook hook) {
        byDistrict.computeIfAbsent(hook.district(), d -> new CopyOnWriteArrayList<>()).add(hook);
    }

    /** A rotated subscription: the new secret signs from now, the previous one next to it while it overlaps. */
    public void rotated(WebhookStore.Webhook hook) {
        removed(hook.district(), hook.id());
        added(hook);
    }

    public void removed(String district, String id) {
        byDistrict.getOrDefault(district, List.of()).removeIf(h -> h.id().equals(id));
    }

    /** Starts delivery to every subscriber of the snapshot's district and returns at once. */
    void dispatch(DistrictReportUpdated snapshot) {
        List<WebhookStore.Webhook> hooks = byDistrict.getOrDefault(snapshot.meta().district(), List.of());
        if (hooks.isEmpty()) {
            return;
        }
        String body = new String(EventJson.write(snapshot), java.nio.charset.StandardCharsets.UTF_8);
        for (WebhookStore.Webhook hook : hooks) {
            java.time.Instant now = clock.instant();
            long timestamp = now.getEpochSecond();
            client.post().uri(hook.url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Xinfang-Event-Id", snapshot.meta().eventId())
                    .header("X-Xinfang-Timestamp", Long.toString(timestamp))
                    .header("X-Xinfang-Signature",
                            WebhookSignature.header(hook.secret(), hook.overlappingAt(now), timestamp, body))
                    .bodyValue(body)
                    .retrieve()
                    // Only a 2xx is a delivery: a redirect is not followed, so its receiver has not taken the message.
                    .onStatus(status -> !status.is2xxSuccessful(), response -> response.createException())
                    .toBodilessEntity()
                    .timeout(Duration.ofSeconds(10))
                    .retryWhen(Retry.backoff(attempts - 1, firstBackoff).filter(WebhookDispatcher::worthRetrying))
                    .subscribe(ok -> delivered.increment(), error -> {
                        failed.increment();
                        log.warn("webhook {} for {} not delivered: {}", hook.id(), hook.district(), error.toString());
                    });
        }
    }

    private static boolean worthRetrying(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
        }
        return true;
    }
}
