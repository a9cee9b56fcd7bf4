package org.xinfang.notification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
import org.xinfang.notification.domain.DeliveryChannel;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.domain.EscalationChain;
import org.xinfang.notification.domain.NoiseControl;
import org.xinfang.notification.domain.Silence;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.ContactStore;
import org.xinfang.notification.persistence.DeliveryGroupStore;
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
 * Every attempt's outcome is counted ({@code xinfang_alert_deliveries_total} by channel and outcome: delivered,
 * failed and to be retried, dead-lettered after the last attempt), which the delivery alerts of deploy/ watch.
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
    private final Map<DeliveryChannel, ChannelSender> senders = new EnumMap<>(DeliveryChannel.class);
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration lease;
    private final Duration repeatInterval;
    private final Duration groupWait;
    private final DeliveryGroupStore groups;
    private final Map<DeliveryChannel, Map<Outcome, Counter>> outcomes = new EnumMap<>(DeliveryChannel.class);

    /** What one attempt came to, as the delivery alerts name it. */
    enum Outcome {
        DELIVERED("delivered"), FAILED("failed"), DEAD_LETTERED("dead-lettered");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** The district's zone: messages date their alerts in it. */
    private final ZoneId zone;

    DeliveryDispatcher(ContactStore contacts, DeliveryStore deliveries, AlertStore alerts, AlertStream stream,
                       SilenceStore silences, List<ChannelSender> senders, Clock clock,
                       @Value("${xinfang.notification.delivery.max-attempts:8}") int maxAttempts,
                       @Value("${xinfang.notification.delivery.first-backoff:PT0.5S}") Duration firstBackoff,
                       @Value("${xinfang.notification.delivery.max-backoff:PT1M}") Duration maxBackoff,
                       @Value("${xinfang.notification.delivery.lease:PT2M}") Duration lease,
                       @Value("${xinfang.notification.noise.repeat-interval:PT30M}") Duration repeatInterval,
                       @Value("${xinfang.notification.noise.group-wait:PT30S}") Duration groupWait,
                       DeliveryGroupStore groups, MeterRegistry meters,
                       @Value("${xinfang.notification.zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
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
        this.groupWait = groupWait;
        this.groups = groups;
        // Registered up front, at zero: a rate over a series that appears only with its first failure misses it.
        for (DeliveryChannel channel : this.senders.keySet()) {
            Map<Outcome, Counter> ofChannel = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                ofChannel.put(outcome, Counter.builder("xinfang.alert.deliveries")
                        .description("Alert delivery attempts by channel and outcome")
                        .tag("channel", channel.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome.label)
                        .register(meters));
            }
            outcomes.put(channel, ofChannel);
        }
    }

    private void count(DeliveryChannel channel, Outcome outcome, int deliveries) {
        outcomes.get(channel).get(outcome).increment(deliveries);
    }

    @Override
    public void alertsStored(List<Alert> stored) {
        dispatch(stored);
    }

    @Override
    public void alertEscalated(Alert alert, EscalationChain.Escalation escalation) {
        dispatch(List.of(alert));
    }

    /**
     * Alerts of the routed events of one poll, grouped by routed event (one school, one petition, one level): one
     * contacts look-up each. Critical deliveries go first and together: every one of the poll in one write, each
     * first attempt started the moment that write is acknowledged, before any lower alert's noise control, grouping
     * or look-ups run. Then the rest, side by side, waited for once.
     */
    private void dispatch(List<Alert> stored) {
        if (stored.isEmpty()) {
            return;
        }
        stored.forEach(stream::emit);
        Instant now = clock.instant();
        Map<List<Object>, List<Alert>> byCause = new java.util.LinkedHashMap<>();
        for (Alert alert : stored) {
            byCause.computeIfAbsent(List.of(alert.district(), alert.school(), alert.petitionId(), alert.level()),
                    k -> new java.util.ArrayList<>()).add(alert);
        }
        List<List<Alert>> lower = new java.util.ArrayList<>();
        // By delivery id: a poll may hold the same routed event twice, and each delivery is attempted once.
        Map<String, DeliveryStore.Claim> critical = new java.util.LinkedHashMap<>();
        Map<String, Alert> criticalAlerts = new java.util.HashMap<>();
        for (List<Alert> ofCause : byCause.values()) {
            if (ofCause.get(0).level() != EmergencyLevel.CRITICAL) {
                lower.add(ofCause);
                continue;
            }
            for (Delivery delivery : deliveriesOf(ofCause)) {
                Alert alert = ofCause.stream().filter(a -> a.alertId().equals(delivery.alertId())).findFirst().orElseThrow();
                critical.putIfAbsent(delivery.deliveryId(), new DeliveryStore.Claim(delivery, repeatKey(delivery, alert)));
                criticalAlerts.put(alert.alertId(), alert);
            }
        }
        sendAtOnce(List.copyOf(critical.values()), criticalAlerts, now);
        List<Mono<Void>> work = new java.util.ArrayList<>();
        for (List<Alert> ofCause : lower) {
            work.add(dispatchCause(ofCause, now));
        }
        Mono.when(work).block(TIMEOUT);
    }

    /** Stores the deliveries in one write and starts the first attempt of each this call stored. */
    private void sendAtOnce(List<DeliveryStore.Claim> claims, Map<String, Alert> alertsById, Instant now) {
        if (claims.isEmpty()) {
            return;
        }
        java.util.Set<String> stored = new java.util.HashSet<>(deliveries.insertClaimed(claims, now, now.plus(lease))
                .blockOptional(TIMEOUT).orElse(List.of()));
        for (DeliveryStore.Claim claim : claims) {
            if (stored.contains(claim.delivery().deliveryId())) {
                attempt(claim.delivery(), alertsById.get(claim.delivery().alertId()), 0);
            }
        }
    }

    /** The deliveries of one routed event's alerts: its school's contacts (and the district's) that they reach. */
    private List<Delivery> deliveriesOf(List<Alert> ofCause) {
        Alert first = ofCause.get(0);
        List<Contact> ofSchool = contacts.forDelivery(first.district(), first.school()).block(TIMEOUT);
        List<Delivery> planned = new java.util.ArrayList<>();
        for (Alert alert : ofCause) {
            planned.addAll(Delivery.forAlert(alert, ofSchool == null ? List.of() : ofSchool));
        }
        return planned;
    }

    private Mono<Void> dispatchCause(List<Alert> batch, Instant now) {
        Alert first = batch.get(0);
        List<Delivery> planned = deliveriesOf(batch);
        Map<String, Alert> byId = new java.util.HashMap<>();
        for (Alert alert : batch) {
            byId.put(alert.alertId(), alert);
        }
        if (planned.isEmpty()) {
            return Mono.empty();
        }
        Optional<String> heldBack = holdBack(first, now);
        return reactor.core.publisher.Flux.fromIterable(planned)
                .flatMap(delivery -> {
                    if (heldBack.isPresent()) {
                        return deliveries.insertHeldBack(delivery, heldBack.get(), now);
                    }
                    Alert alert = byId.get(delivery.alertId());
                    String repeatKey = repeatKey(delivery, alert);
                    return repeatedWithinInterval(alert, repeatKey, now).flatMap(repeated -> {
                        if (repeated) {
                            return deliveries.insertHeldBack(delivery, "repeat: already sent within " + repeatInterval, now);
                        }
                        if (waitsForGroup(alert)) {
                            return group(delivery, alert, repeatKey, now);
                        }
                        return deliveries.insertClaimed(delivery, repeatKey, now, now.plus(lease))
                                .doOnNext(inserted -> {
                                    if (inserted) {
                                        attempt(delivery, alert, 0);
                                    }
                                }).then();
                    });
                })
                .then();
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

    /** Critical alerts never wait for a grouping window. */
    private boolean waitsForGroup(Alert alert) {
        return alert.level() != EmergencyLevel.CRITICAL && !groupWait.isZero();
    }

    /**
     * Puts a non-critical delivery into the recipient's grouping window (the same channel and address: the same
     * person; for a webhook also the same contact, whose own secret signs the window); the call that opens a window
     * makes sure it is sent when it closes.
     */
    private Mono<Void> group(Delivery delivery, Alert alert, String repeatKey, Instant now) {
        String key = alert.district() + "|" + delivery.channel() + "|" + delivery.target()
                + (delivery.channel() == DeliveryChannel.WEBHOOK ? "|" + delivery.contactId() : "");
        return groups.join(key, delivery.channel().name(), delivery.target(), now, now.plus(groupWait))
                .flatMap(window -> deliveries.insertGrouped(delivery, repeatKey, window.groupId(), now)
                        .doOnNext(inserted -> {
                            if (window.createdByCaller()) {
                                flushAt(window.groupId(), window.dueAt());
                            }
                        }))
                .then();
    }

    private void flushAt(String groupId, Instant at) {
        // The store keeps milliseconds: wake a little after the window closes, never a fraction before it.
        Mono.delay(Duration.ofMillis(Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 5))
                .then(Mono.defer(() -> flush(groupId)))
                .subscribe(null, e -> log.warn("group {} could not be sent; the sweep will retry: {}", groupId,
                        e.getMessage()));
    }

    /**
     * Sends a closed window as one message: a single member as its own alert, several as one grouped notification
     * whose idempotency key is the group's id. A failure retries the whole group with backoff, then dead-letters it.
     */
    private Mono<Void> flush(String groupId) {
        Instant now = clock.instant();
        return groups.claim(groupId, now, now.plus(lease)).flatMap(window -> deliveries.groupedIn(window.groupId())
                .collectList()
                .flatMap(members -> {
                    if (members.isEmpty()) {
                        return groups.sent(window.groupId(), window.attempts(), now);
                    }
                    return reactor.core.publisher.Flux.fromIterable(members)
                            .concatMap(m -> alerts.byId(m.delivery().alertId()))
                            .collectList()
                            .flatMap(found -> send(window, members, found));
                }));
    }

    private Mono<Void> send(DeliveryGroupStore.Group window, List<DeliveryStore.Tracked> members, List<Alert> found) {
        List<String> ids = members.stream().map(m -> m.delivery().deliveryId()).toList();
        Map<String, Alert> byId = new java.util.HashMap<>();
        found.forEach(a -> byId.put(a.alertId(), a));
        Delivery first = members.get(0).delivery();
        boolean single = members.size() == 1 && byId.containsKey(first.alertId());
        OutboundMessage message = single ? AlertMessage.of(first, byId.get(first.alertId()), zone)
                : AlertMessage.grouped(window.groupId(), members.stream().map(m -> m.delivery()).toList(), byId, zone);
        String key = single ? first.deliveryId() : window.groupId();
        int attempts = window.attempts() + 1;
        Alert of = byId.getOrDefault(first.alertId(), found.isEmpty() ? null : found.get(0));
        Recipient to = new Recipient(of == null ? null : of.district(), of == null ? null : of.school(),
                first.contactId(), window.target());
        return senders.get(DeliveryChannel.valueOf(window.channel())).send(key, to, message)
                .then(Mono.defer(() -> {
                    Instant at = clock.instant();
                    count(DeliveryChannel.valueOf(window.channel()), Outcome.DELIVERED, ids.size());
                    return deliveries.groupDelivered(window.groupId(), ids, attempts, at)
                            .then(groups.sent(window.groupId(), attempts, at))
                            .thenMany(deliveries.releaseLateMembers(window.groupId(), at))
                            .concatMap(late -> retry(late))
                            .then();
                }))
                .onErrorResume(e -> {
                    Instant at = clock.instant();
                    String error = describe(e);
                    if (attempts >= maxAttempts) {
                        count(DeliveryChannel.valueOf(window.channel()), Outcome.DEAD_LETTERED, ids.size());
                        log.warn("group {} of {} deliveries over {} dead after {} attempts: {}", window.groupId(),
                                ids.size(), window.channel(), attempts, error);
                        return deliveries.groupFailed(window.groupId(), ids, attempts, error, true, at)
                                .then(groups.dead(window.groupId(), attempts, error));
                    }
                    count(DeliveryChannel.valueOf(window.channel()), Outcome.FAILED, ids.size());
                    Duration wait = Delivery.backoff(attempts, firstBackoff, maxBackoff);
                    return deliveries.groupFailed(window.groupId(), ids, attempts, error, false, at)
                            .then(groups.retryAt(window.groupId(), attempts, error, at.plus(wait)))
                            .then(Mono.fromRunnable(() -> flushAt(window.groupId(), at.plus(wait))));
                });
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
        sender.send(delivery.deliveryId(), new Recipient(alert.district(), alert.school(), delivery.contactId(),
                        delivery.target()), AlertMessage.of(delivery, alert, zone))
                .doOnSuccess(sent -> count(delivery.channel(), Outcome.DELIVERED, 1))
                .then(Mono.defer(() -> deliveries.delivered(delivery.deliveryId(), failedBefore + 1, clock.instant())))
                .onErrorResume(e -> failed(delivery, failedBefore + 1, describe(e)))
                .subscribe(null, e -> log.warn("delivery {} bookkeeping failed; the sweep will retry: {}",
                        delivery.deliveryId(), e.getMessage()));
    }

    private Mono<Void> failed(Delivery delivery, int attempts, String error) {
        Instant now = clock.instant();
        if (attempts >= maxAttempts) {
            count(delivery.channel(), Outcome.DEAD_LETTERED, 1);
            log.warn("delivery {} of alert {} over {} dead after {} attempts: {}", delivery.deliveryId(),
                    delivery.alertId(), delivery.channel(), attempts, error);
            return deliveries.dead(delivery.deliveryId(), attempts, error, now);
        }
        count(delivery.channel(), Outcome.FAILED, 1);
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

    /** The slow recovery path for windows whose sender died, or whose flush was lost with a crashed process. */
    @Scheduled(initialDelayString = "${xinfang.notification.delivery.sweep-interval-ms:30000}",
            fixedDelayString = "${xinfang.notification.delivery.sweep-interval-ms:30000}")
    void sweepGroups() {
        try {
            for (int i = 0; i < 200; i++) {
                Instant now = clock.instant();
                DeliveryGroupStore.Group due = groups.claim(null, now, now).block(TIMEOUT);
                if (due == null) {
                    return;
                }
                // Claimed with a lease ending now, so flush may claim it again at once.
                flush(due.groupId()).block(TIMEOUT);
            }
        } catch (RuntimeException e) {
            log.warn("group sweep failed, will retry: {}", e.getMessage());
        }
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
