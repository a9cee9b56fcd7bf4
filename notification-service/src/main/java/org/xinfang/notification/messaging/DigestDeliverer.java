package org.xinfang.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.notification.domain.DeliveryChannel;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.domain.Digest;
import org.xinfang.notification.domain.DigestText;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.persistence.ContactStore;
import org.xinfang.notification.persistence.DigestStore;
import reactor.core.publisher.Mono;

/**
 * Delivers a district's digest to the bureau's people as the district's contacts hold them (duty office and analysts):
 * by mail, and to their webhook where one is set. The digest is stored first, then one delivery per (digest, contact,
 * channel) under an id derived from the digest event's id: a redelivered event, a re-sent digest or a restart finds
 * the delivery there and sends nothing again. The delivery id is the idempotency key receivers see. Failed attempts
 * are retried with backoff, then dead-lettered; a slow sweep resumes attempts a crash left behind.
 */
@Component
class DigestDeliverer {

    private static final Logger log = LoggerFactory.getLogger(DigestDeliverer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Digests are figures for the bureau's people, not calls to act: no SMS. */
    private static final List<RecipientRole> READERS = List.of(RecipientRole.BUREAU_DUTY, RecipientRole.BUREAU_ANALYST);

    private final DigestStore digests;
    private final ContactStore contacts;
    private final Map<DeliveryChannel, ChannelSender> senders = new EnumMap<>(DeliveryChannel.class);
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration lease;

    DigestDeliverer(DigestStore digests, ContactStore contacts, List<ChannelSender> senders, Clock clock,
                    @Value("${xinfang.notification.delivery.max-attempts:8}") int maxAttempts,
                    @Value("${xinfang.notification.delivery.first-backoff:PT0.5S}") Duration firstBackoff,
                    @Value("${xinfang.notification.delivery.max-backoff:PT1M}") Duration maxBackoff,
                    @Value("${xinfang.notification.delivery.lease:PT2M}") Duration lease) {
        this.digests = digests;
        this.contacts = contacts;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.lease = lease;
    }

    /** Stores the digest and starts each delivery not made yet; returns how many deliveries were started. */
    int deliver(Digest digest) {
        Instant now = clock.instant();
        boolean stored = Boolean.TRUE.equals(digests.record(digest, now).block(TIMEOUT));
        List<Contact> readers = contacts.ofDistrictInRoles(digest.district(), READERS).collectList().block(TIMEOUT);
        List<DigestStore.Tracked> planned = new ArrayList<>();
        for (Contact contact : readers == null ? List.<Contact>of() : readers) {
            plan(planned, digest, contact, DeliveryChannel.EMAIL, contact.email());
            plan(planned, digest, contact, DeliveryChannel.WEBHOOK, contact.webhookUrl());
        }
        int started = 0;
        for (DigestStore.Tracked delivery : planned) {
            boolean inserted = Boolean.TRUE.equals(digests.insertClaimed(delivery.deliveryId(), digest.digestId(),
                    delivery.contactId(), delivery.channel(), delivery.target(), now, now.plus(lease)).block(TIMEOUT));
            if (inserted) {
                attempt(delivery, digest, 0);
                started++;
            }
        }
        log.info("digest {} of {} ({} {}..{}): {} deliveries started{}", digest.digestId(), digest.district(),
                digest.period(), digest.from(), digest.to(), started, stored ? "" : " (digest seen before)");
        return started;
    }

    private static void plan(List<DigestStore.Tracked> into, Digest digest, Contact contact, DeliveryChannel channel,
                             String target) {
        if (target == null) {
            return;
        }
        String id = UUID.nameUUIDFromBytes(("digest|" + digest.digestId() + "|" + contact.contactId() + "|" + channel)
                .getBytes(StandardCharsets.UTF_8)).toString();
        into.add(new DigestStore.Tracked(id, digest.digestId(), contact.contactId(), channel, target, "PENDING", 0, null));
    }

    /** The digest as each channel carries it; the JSON names the delivery, so a receiver can drop repeats. */
    static OutboundMessage messageOf(Digest digest, String deliveryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("digestId", digest.digestId());
        body.put("district", digest.district());
        body.put("period", digest.period().name());
        body.put("from", digest.from().toString());
        body.put("to", digest.to().toString());
        body.put("totals", digest.totals());
        body.put("counts", digest.counts());
        body.put("overdue", digest.overdue().stream().map(o -> Map.of("petitionId", o.petitionId(), "school", o.school(),
                "department", o.department(), "limit", o.limit(), "dueAt", String.valueOf(o.dueAt()))).toList());
        String subject = DigestText.subject(digest);
        return new OutboundMessage(subject, DigestText.body(digest), subject,
                EventJson.mapper().writeValueAsBytes(body));
    }

    private void attempt(DigestStore.Tracked delivery, Digest digest, int failedBefore) {
        ChannelSender sender = senders.get(delivery.channel());
        Recipient to = new Recipient(digest.district(), null, delivery.contactId(), delivery.target());
        sender.send(delivery.deliveryId(), to, messageOf(digest, delivery.deliveryId()))
                .then(Mono.defer(() -> digests.delivered(delivery.deliveryId(), failedBefore + 1, clock.instant())))
                .onErrorResume(e -> failed(delivery, digest, failedBefore + 1, describe(e)))
                .subscribe(null, e -> log.warn("digest delivery {} bookkeeping failed; the sweep will retry: {}",
                        delivery.deliveryId(), e.getMessage()));
    }

    private Mono<Void> failed(DigestStore.Tracked delivery, Digest digest, int attempts, String error) {
        Instant now = clock.instant();
        if (attempts >= maxAttempts) {
            log.warn("digest delivery {} over {} dead after {} attempts: {}", delivery.deliveryId(), delivery.channel(),
                    attempts, error);
            return digests.dead(delivery.deliveryId(), attempts, error, now);
        }
        Duration wait = Delivery.backoff(attempts, firstBackoff, maxBackoff);
        return digests.failed(delivery.deliveryId(), attempts, error, now.plus(wait))
                .then(Mono.delay(wait))
                .then(Mono.defer(() -> {
                    Instant at = clock.instant();
                    return digests.claimDue(delivery.deliveryId(), at, at.plus(lease))
                            .doOnNext(claimed -> attempt(claimed, digest, claimed.attempts()))
                            .then();
                }));
    }

    /** The slow recovery path: digest deliveries whose attempt was lost with a crashed process. */
    @Scheduled(initialDelayString = "${xinfang.notification.delivery.sweep-interval-ms:30000}",
            fixedDelayString = "${xinfang.notification.delivery.sweep-interval-ms:30000}")
    void sweep() {
        try {
            for (int i = 0; i < 200; i++) {
                Instant now = clock.instant();
                DigestStore.Tracked due = digests.claimDue(null, now, now.plus(lease)).block(TIMEOUT);
                if (due == null) {
                    return;
                }
                digests.byId(due.digestId()).doOnNext(digest -> attempt(due, digest, due.attempts()))
                        .then().block(TIMEOUT);
            }
        } catch (RuntimeException e) {
            log.warn("digest delivery sweep failed, will retry: {}", e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.substring(0, Math.min(300, message.length())));
    }
}
