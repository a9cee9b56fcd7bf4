package org.xinfang.notification.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.Channel;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.domain.EscalationChain;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.NoiseControl;
import org.xinfang.notification.domain.Silence;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.ContactStore;
import org.xinfang.notification.persistence.DeliveryStore;
import org.xinfang.notification.persistence.SilenceStore;
import reactor.core.publisher.Mono;

/**
 * Delivers each alert (and each escalation step) to the contacts it reaches, over each of their channels. The
 * delivery is stored before the first attempt (so a crash loses none); attempts run without blocking the caller;
 * a failed attempt is retried with exponential backoff, and after the last one the delivery is dead-lettered.
 * Non-critical alerts pass noise control first (inhibition by an open critical alert, silences, the repeat
 * interval); held-back deliveries are recorded with the reason.
 * Runs first among the listeners: critical alerts must leave before anything else is done.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryDispatcher implements AlertListener, EscalationListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ContactStore contacts;
    private final DeliveryStore deliveries;
    private final AlertStore alerts;
    private final AlertStream stream;
    private final SilenceStore silences;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration lease;
    private final Duration repeatInterval;

    DeliveryDispatcher(ContactStore contacts, DeliveryStore deliveries, AlertStore alerts, AlertStream stream,
                       SilenceStore silences, List<ChannelSender> senders, Clock clock,
                       @Value("${xinfang.notification.delivery.max-attempts:8}") int maxAttempts,
                       @Value("${xinfang.notification.delivery.first-backoff:PT0.5S}") Duration firstBackoff,
                       @Value("${xinfang.notification.delivery.max-backoff:PT1M}") Duration maxBackoff,
                       @Value("${xinfang.notification.delivery.lease:PT2M}") Duration lease,
                       @Value("${xinfang.notification.noise.repeat-interval:PT30M}") Duration repeatInterval) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.stream = stream;
        this.silences = silences;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.lease = lease;
        this.repeatInterval = repeatInterval;
    }

    @Override
    public void alertsStored(Incident incident, List<Alert> stored) {
        dispatch(stored);
    }

    @Override
    public void alertEscalated(Alert alert, EscalationChain.Escalation escalation) {
        dispatch(List.of(alert));
    }

    /**
     * Alerts of one routed event (one school, one petition, one level): one contacts look-up for all, noise control
     * once, the delivery records written side by side, then each first attempt started without waiting for it.
     */
    private void dispatch(List<Alert> batch) {
        if (batch.isEmpty()) {
            return;
        }
        batch.forEach(stream::emit);
        Alert first = batch.get(0);
        List<Contact> ofSchool = contacts.forDelivery(first.district(), first.school()).block(TIMEOUT);
        List<Delivery> planned = new java.util.ArrayList<>();
        Map<String, Alert> byId = new java.util.HashMap<>();
        for (Alert alert : batch) {
            planned.addAll(Delivery.forAlert(alert, ofSchool == null ? List.of() : ofSchool));
            byId.put(alert.alertId(), alert);
        }
        if (planned.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<String> heldBack = holdBack(first, now);
        reactor.core.publisher.Flux.fromIterable(planned)
                .flatMap(delivery -> {
                    if (heldBack.isPresent()) {
                        return deliveries.insertHeldBack(delivery, heldBack.get(), now);
                    }
                    Alert alert = byId.get(delivery.alertId());
                    String repeatKey = repeatKey(delivery, alert);
                    return repeatedWithinInterval(alert, repeatKey, now).flatMap(repeated -> repeated
                            ? deliveries.insertHeldBack(delivery, "repeat: already sent within " + repeatInterval, now)
                            : deliveries.insertClaimed(delivery, repeatKey, now, now.plus(lease))
                                    .doOnNext(inserted -> {
                                        if (inserted) {
                                            attempt(delivery, alert, 0);
                                        }
                                    }).then());
                })
                .then().block(TIMEOUT);
    }

    /**
     * The same notification to the same person: same contact and channel, same petition, same role and the same
     * words (kind, level, subject, department are all in the summary). A petition routed again unchanged within the
     * repeat interval does not call the same person again; a higher level, or the order to go to the scene, does.
     */
    private static String repeatKey(Delivery delivery, Alert alert) {
        String words = java.util.UUID.nameUUIDFromBytes(alert.summary().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return delivery.contactId() + "|" + delivery.channel() + "|" + alert.petitionId() + "|" + alert.currentRole()
                + "|" + words;
    }

    private Mono<Boolean> repeatedWithinInterval(Alert alert, String repeatKey, Instant now) {
        if (alert.level() == EmergencyLevel.CRITICAL || repeatInterval.isZero()) {
            return Mono.just(false);
        }
        return deliveries.sentSince(repeatKey, now.minus(repeatInterval));
    }

    /** Critical alerts skip the look-ups altogether: they never wait. */
    private Optional<String> holdBack(Alert alert, Instant now) {
        if (alert.level() == EmergencyLevel.CRITICAL) {
            return Optional.empty();
        }
        boolean inhibited = Boolean.TRUE.equals(alerts.openCriticalFor(alert.petitionId()).block(TIMEOUT));
        List<Silence> active = inhibited ? List.of()
                : silences.activeAt(alert.district(), alert.school(), now).collectList().block(TIMEOUT);
        return NoiseControl.holdBack(alert, inhibited, active == null ? List.of() : active, now);
    }

    /** One attempt, not blocking the caller; on failure the next is stored and scheduled. */
    private void attempt(Delivery delivery, Alert alert, int failedBefore) {
        ChannelSender sender = senders.get(delivery.channel());
        sender.send(delivery.deliveryId(), delivery.target(), AlertMessage.of(delivery, alert))
                .then(Mono.defer(() -> deliveries.delivered(delivery.deliveryId(), failedBefore + 1, clock.instant())))
                .onErrorResume(e -> failed(delivery, failedBefore + 1, describe(e)))
                .subscribe(null, e -> log.warn("delivery {} bookkeeping failed; the sweep will retry: {}",
                        delivery.deliveryId(), e.getMessage()));
    }

    private Mono<Void> failed(Delivery delivery, int attempts, String error) {
        Instant now = clock.instant();
        if (attempts >= maxAttempts) {
            log.warn("delivery {} of alert {} over {} dead after {} attempts: {}", delivery.deliveryId(),
                    delivery.alertId(), delivery.channel(), attempts, error);
            return deliveries.dead(delivery.deliveryId(), attempts, error, now);
        }
        Duration wait = Delivery.backoff(attempts, firstBackoff, maxBackoff);
        log.info("delivery {} over {} failed (attempt {}), retry in {}: {}", delivery.deliveryId(), delivery.channel(),
                attempts, wait, error);
        return deliveries.failed(delivery.deliveryId(), attempts, error, now.plus(wait))
                .then(Mono.delay(wait))
                .then(Mono.defer(() -> retry(delivery.deliveryId())));
    }

    /** Claims the delivery if it is still due (the sweep may have taken it) and attempts it again. */
    private Mono<Void> retry(String deliveryId) {
        Instant now = clock.instant();
        return deliveries.claimDue(deliveryId, now, now.plus(lease))
                .flatMap(this::resume)
                .then();
    }

    private Mono<Void> resume(DeliveryStore.Tracked tracked) {
        return alerts.byId(tracked.delivery().alertId())
                .doOnNext(alert -> attempt(tracked.delivery(), alert, tracked.attempts()))
                .then();
    }

    /** The slow recovery path: deliveries whose attempt was lost with a crashed process. */
    @Scheduled(initialDelayString = "${xinfang.notification.delivery.sweep-interval-ms:30000}",
            fixedDelayString = "${xinfang.notification.delivery.sweep-interval-ms:30000}")
    void sweep() {
        try {
            for (int i = 0; i < 200; i++) {
                Instant now = clock.instant();
                DeliveryStore.Tracked due = deliveries.claimDue(null, now, now.plus(lease)).block(TIMEOUT);
                if (due == null) {
                    return;
                }
                resume(due).block(TIMEOUT);
            }
        } catch (RuntimeException e) {
            log.warn("delivery sweep failed, will retry: {}", e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.substring(0, Math.min(300, message.length())));
    }
}
