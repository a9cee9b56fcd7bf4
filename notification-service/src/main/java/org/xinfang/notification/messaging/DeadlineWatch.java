package org.xinfang.notification.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.DeadlineLimit;
import org.xinfang.notification.domain.DeadlinePolicy;
import org.xinfang.notification.domain.DeadlineTimer;
import org.xinfang.notification.domain.PetitionDeadlines;
import org.xinfang.notification.domain.PetitionWords;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.DeadlineStore;

/**
 * Watches every routed petition's legal limits, as intake counted them: never counted here. The acceptance limit
 * comes with routing's decision (a copy of what intake stated on receipt); acceptance states the handling limit, an
 * extension moves it; refusal, resolution and closing end them. A step that states no limit sets none. Each limit has two stored timers
 * (a warning to the department ahead of it, the lapse to the General Office at it). A due timer is claimed by one
 * instance, checked against the petition's standing (met or moved limits are cancelled, not fired), and raises its
 * alert through the same path as every alert: stored once under a derived id, delivered, published.
 * Each check also counts the petitions past a limit ({@code xinfang_petitions_overdue} by step: accept, handle), the
 * figure the overdue alert of deploy/ watches; every instance reads the same store, so they report the same count.
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DeadlineStore deadlines;
    private final DeadlinePolicy policy;
    private final AlertStore alerts;
    private final EventPublisher publisher;
    private final List<AlertListener> listeners;
    private final Clock clock;
    private final Duration claimLease;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<DeadlineLimit, AtomicLong> overdue = new EnumMap<>(DeadlineLimit.class);

    DeadlineWatch(DeadlineStore deadlines, DeadlineWatchSettings settings, AlertStore alerts, EventPublisher publisher,
                  List<AlertListener> listeners, Clock clock, MeterRegistry meters,
                  @Value("${xinfang.notification.zone:Asia/Shanghai}") ZoneId zone) {
        this.deadlines = deadlines;
        this.policy = new DeadlinePolicy(settings.acceptanceReminders(), settings.handlingReminders(), zone);
        this.alerts = alerts;
        this.publisher = publisher;
        this.listeners = listeners;
        this.clock = clock;
        this.claimLease = settings.claimLease();
        for (DeadlineLimit limit : DeadlineLimit.values()) {
            AtomicLong count = new AtomicLong();
            overdue.put(limit, count);
            Gauge.builder("xinfang.petitions.overdue", count, AtomicLong::get)
                    .description("Petitions past a legal time limit, by step")
                    .tag("step", step(limit)).register(meters);
        }
    }

    /** The step's name as the overdue alert labels it. */
    private static String step(DeadlineLimit limit) {
        return switch (limit) {
            case ACCEPTANCE -> "accept";
            case HANDLING -> "handle";
        };
    }

    /** Counts again the petitions past each limit, for the gauge. */
    void countOverdue() {
        Map<DeadlineLimit, Long> counted = deadlines.overdue(clock.instant()).block(TIMEOUT);
        if (counted != null) {
            counted.forEach((limit, count) -> overdue.get(limit).set(count));
        }
    }

    /**
     * The acceptance limits of one poll's routed petitions: standings and timers in one write each. A petition
     * accepted before its routing was seen (two topics, no order between them) gets timers too; they are cancelled,
     * not fired, when they fall due, because firing checks the standing first.
     */
    void onRouted(List<PetitionRouted> poll) {
        Instant now = clock.instant();
        List<PetitionDeadlines> standings = new ArrayList<>();
        List<DeadlineTimer> timers = new ArrayList<>();
        for (PetitionRouted routed : poll) {
            var d = routed.deadlines();
            standings.add(new PetitionDeadlines(routed.meta().petitionId(), routed.meta().district(),
                    routed.meta().school(), routed.department(), routed.level(), routed.subject(),
                    d == null ? null : d.acceptBy(), d == null ? null : d.handleWithinDays(),
                    d == null ? null : d.extensionMaxDays(), false, null, false,
                    PetitionWords.caption(routed.situation())));
            if (d != null) {
                timers.addAll(policy.timersFor(routed.meta().petitionId(), DeadlineLimit.ACCEPTANCE, d.acceptBy(),
                        routed.meta().eventId(), now));
            }
        }
        deadlines.routedAll(standings, timers).block(TIMEOUT);
    }

    /** Acceptance starts the handling limit, an extension moves it, refusal, resolution and closing end both. */
    void onStatusChanged(PetitionStatusChanged change) {
        String petitionId = change.meta().petitionId();
        String cause = change.meta().eventId();
        switch (change.to()) {
            case ACCEPTED -> {
                Instant due = change.dueBy();
                if (due == null) {
                    log.warn("acceptance of petition {} states no handling limit: none watched", petitionId);
                    deadlines.cancelPending(petitionId, List.of(DeadlineLimit.ACCEPTANCE)).block(TIMEOUT);
                    return;
                }
                deadlines.accepted(petitionId, due).block(TIMEOUT);
                deadlines.cancelPending(petitionId, List.of(DeadlineLimit.ACCEPTANCE)).block(TIMEOUT);
                deadlines.schedule(policy.timersFor(petitionId, DeadlineLimit.HANDLING, due, cause, clock.instant()))
                        .block(TIMEOUT);
            }
            case EXTENDED -> {
                Instant due = change.dueBy();
                if (due == null) {
                    log.warn("extension of petition {} states no new limit: ignored", petitionId);
                    return;
                }
                deadlines.extended(petitionId, due).block(TIMEOUT);
                deadlines.cancelPending(petitionId, List.of(DeadlineLimit.HANDLING)).block(TIMEOUT);
                deadlines.schedule(policy.timersFor(petitionId, DeadlineLimit.HANDLING, due, cause, clock.instant()))
                        .block(TIMEOUT);
            }
            case NOT_ACCEPTED, RESOLVED, CLOSED -> {
                deadlines.finished(petitionId).block(TIMEOUT);
                deadlines.cancelPending(petitionId, List.of(DeadlineLimit.ACCEPTANCE, DeadlineLimit.HANDLING))
                        .block(TIMEOUT);
            }
            default -> {
                // Other steps (review requests and their answers) carry limits of their own, not watched here.
            }
        }
    }

    /** Fires every due timer; returns how many raised an alert. Tests call it after moving their clock. */
    public int fireDue() {
        deadlines.handOverDue(clock.instant()).block(TIMEOUT);
        int raised = 0;
        Optional<DeadlineTimer> due;
        while ((due = deadlines.claimDue(clock.instant(), owner).blockOptional(TIMEOUT)).isPresent()) {
            raised += fire(due.get()) ? 1 : 0;
        }
        return raised;
    }

    private boolean fire(DeadlineTimer timer) {
        Instant now = clock.instant();
        PetitionDeadlines standing = deadlines.byId(timer.petitionId()).block(TIMEOUT);
        if (standing == null || standing.district() == null || !standing.stillDue(timer)) {
            deadlines.finish(timer.timerId(), false, now).block(TIMEOUT);
            return false;
        }
        List<Alert> raised = policy.alertsFor(timer, standing, now);
        alerts.insertNew(raised).block(TIMEOUT);
        listeners.forEach(l -> l.alertsStored(raised));
        List<EventPublisher.Outgoing<?>> events = new ArrayList<>();
        raised.forEach(alert -> events.add(EventPublisher.on(Topics.ALERT_RAISED, AlertEvents.raised(alert))));
        publisher.publishAll(events);
        alerts.markPublished(raised.stream().map(Alert::alertId).toList(), now).block(TIMEOUT);
        deadlines.finish(timer.timerId(), true, now).block(TIMEOUT);
        log.info("petition {}: {} to {} for the {} limit of {}", timer.petitionId(), timer.kind(),
                raised.stream().map(a -> a.recipientRole().name()).toList(), timer.limit(), timer.limitAt());
        return true;
    }

    /** Deadlines are days long: a check every half minute is on time, and also recovers abandoned claims. */
    @Scheduled(initialDelayString = "${xinfang.notification.deadlines.check-interval-ms:30000}",
            fixedDelayString = "${xinfang.notification.deadlines.check-interval-ms:30000}")
    void check() {
        try {
            deadlines.releaseClaimedBefore(clock.instant().minus(claimLease)).block(TIMEOUT);
            fireDue();
        } catch (RuntimeException e) {
            log.warn("deadline check failed, will retry: {}", e.getMessage());
        }
        try {
            countOverdue();
        } catch (RuntimeException e) {
            log.warn("overdue petitions could not be counted, will retry: {}", e.getMessage());
        }
    }
}
