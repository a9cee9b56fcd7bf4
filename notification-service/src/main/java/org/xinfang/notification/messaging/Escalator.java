package org.xinfang.notification.messaging;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.EscalationChain;
import org.xinfang.notification.domain.EscalationPolicy;
import org.xinfang.notification.domain.EscalationTimer;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.EscalationTimerStore;

/**
 * Walks unacknowledged alerts up their school's chain. Each step is a stored timer; the instance that claims a due
 * timer moves the alert one step (a conditional write, so the move happens once), stores the next step's timer,
 * publishes {@code AlertEscalated} and tells the channels. Re-running a claimed step after a crash repeats nothing:
 * the move is conditional, the next timer is insert-if-absent and the event id is derived.
 */
@Component
public class Escalator implements AlertListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Escalator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EscalationPolicy policy;
    private final AlertStore alerts;
    private final EscalationTimerStore timers;
    private final EventPublisher publisher;
    private final List<EscalationListener> listeners;
    private final TimerWheel wheel;
    private final Clock clock;
    private final Duration claimLease;
    private final Duration sweepInterval;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName();
    private volatile boolean running;
    /** The next wake also scans the alerts for due first steps: after a restart, at each sweep, when asked. */
    private volatile boolean scanRequested = true;
    private static final int KNOWN_FIRST_STEPS = 10_000;
    private final java.util.concurrent.PriorityBlockingQueue<AlertStore.FirstStep> known =
            new java.util.concurrent.PriorityBlockingQueue<>(64, java.util.Comparator.comparing(AlertStore.FirstStep::dueAt));

    Escalator(EscalationPolicy policy, AlertStore alerts, EscalationTimerStore timers, EventPublisher publisher,
              List<EscalationListener> listeners, TimerWheel wheel, Clock clock,
              @Value("${xinfang.notification.escalation.claim-lease:PT1M}") Duration claimLease,
              @Value("${xinfang.notification.escalation.sweep-interval-ms:30000}") long sweepIntervalMs) {
        this.sweepInterval = Duration.ofMillis(sweepIntervalMs);
        this.policy = policy;
        this.alerts = alerts;
        this.timers = timers;
        this.publisher = publisher;
        this.listeners = listeners;
        this.wheel = wheel;
        this.clock = clock;
        this.claimLease = claimLease;
        wheel.onWake(this::fireDue);
    }

    /**
     * The first step's timer was stored with the alert itself (see {@link AlertStore#firstStepsDue}): nothing to write
     * here, only to wake in time.
     */
    @Override
    public void alertsStored(List<Alert> stored) {
        List<AlertStore.FirstStep> steps = stored.stream()
                .flatMap(alert -> policy.next(alert).stream().map(step -> new AlertStore.FirstStep(alert.alertId(),
                        step.fromStep(), alert.raisedAt().plus(step.waitFor()))))
                .toList();
        // Remembered (up to a bound) so that each falls due without a scan of the alerts; beyond the bound, or after
        // a restart, the sweep's scan finds them.
        steps.stream().limit(Math.max(0, KNOWN_FIRST_STEPS - known.size())).forEach(known::add);
        steps.stream().map(AlertStore.FirstStep::dueAt).min(Instant::compareTo).ifPresent(wheel::wakeAt);
    }

    /** Stops the chain of an acknowledged alert. */
    public reactor.core.publisher.Mono<Void> stop(String alertId) {
        return timers.cancelFor(alertId);
    }

    /** Fires every due timer, then sleeps until the next one. Runs on the wheel's one thread. */
    void fireDue() {
        if (!running) {
            return;
        }
        handOverKnownFirstSteps();
        claimAndFire();
        boolean scan = scanRequested;
        scanRequested = false;
        Optional<Instant> nextFirst = Optional.empty();
        if (scan) {
            handOverFirstSteps();
            claimAndFire();
            // First steps further off than the next sweep are found by that sweep, as are timers stored by others.
            nextFirst = alerts.nextFirstStep(clock.instant().plus(sweepInterval)).blockOptional(TIMEOUT);
        }
        Optional<Instant> next = timers.nextDue().blockOptional(TIMEOUT);
        Optional<Instant> nextKnown = Optional.ofNullable(known.peek()).map(AlertStore.FirstStep::dueAt);
        java.util.stream.Stream.of(next, nextFirst, nextKnown).flatMap(Optional::stream).min(Instant::compareTo)
                .ifPresent(wheel::wakeAt);
    }

    private void claimAndFire() {
        Optional<EscalationTimer> due;
        while ((due = timers.claimDue(clock.instant(), owner).blockOptional(TIMEOUT)).isPresent()) {
            fire(due.get());
        }
    }

    /** First steps this instance stored and that are due now, handed to the timer store by id (no scan). */
    private void handOverKnownFirstSteps() {
        Instant now = clock.instant();
        List<AlertStore.FirstStep> ready = new java.util.ArrayList<>();
        AlertStore.FirstStep head;
        while ((head = known.peek()) != null && !head.dueAt().isAfter(now)) {
            AlertStore.FirstStep taken = known.poll();
            if (taken != null) {
                ready.add(taken);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        try {
            timers.scheduleAll(ready.stream().map(s -> EscalationTimer.of(s.alertId(), s.fromStep(), s.dueAt())).toList())
                    .block(TIMEOUT);
            alerts.firstStepsHandedOver(ready.stream().map(AlertStore.FirstStep::alertId).toList()).block(TIMEOUT);
        } catch (RuntimeException e) {
            // Still in the alerts' documents: the sweep's scan hands them over.
            scanRequested = true;
            throw e;
        }
    }

    /**
     * Due first steps kept in alert documents become ordinary stored timers (insert-if-absent, so two instances or a
     * crash between the two writes store one timer), then leave the alert; from there they are claimed like any step.
     */
    private void handOverFirstSteps() {
        List<AlertStore.FirstStep> due;
        while (!(due = alerts.firstStepsDue(clock.instant(), 200).collectList().block(TIMEOUT)).isEmpty()) {
            timers.scheduleAll(due.stream().map(s -> EscalationTimer.of(s.alertId(), s.fromStep(), s.dueAt())).toList())
                    .block(TIMEOUT);
            alerts.firstStepsHandedOver(due.stream().map(AlertStore.FirstStep::alertId).toList()).block(TIMEOUT);
        }
    }

    private void fire(EscalationTimer timer) {
        Instant now = clock.instant();
        Optional<Alert> current = alerts.byId(timer.alertId()).blockOptional(TIMEOUT);
        Optional<EscalationChain.Escalation> step = current.filter(Alert::open)
                .flatMap(a -> policy.chainOf(a.school()).after(a.recipientRole(), timer.fromStep()));
        if (step.isEmpty()) {
            timers.fired(timer.timerId(), now).block(TIMEOUT);
            return;
        }
        EscalationChain.Escalation escalation = step.get();
        Optional<Alert> moved = alerts.advanceStep(timer.alertId(), escalation.fromStep(), escalation.toRole().name())
                .blockOptional(TIMEOUT)
                // Claimed again after a crash mid-step: the move already happened, finish the rest of the step.
                .or(() -> current.filter(a -> a.step() == escalation.toStep()))
                .or(() -> alerts.byId(timer.alertId()).blockOptional(TIMEOUT)
                        .filter(a -> a.open() && a.step() == escalation.toStep()));
        if (moved.isEmpty()) {
            timers.fired(timer.timerId(), now).block(TIMEOUT);
            return;
        }
        Alert alert = moved.get();
        policy.next(alert).ifPresent(next ->
                timers.schedule(EscalationTimer.of(alert.alertId(), next.fromStep(), now.plus(next.waitFor()))).block(TIMEOUT));
        publisher.publishAll(List.of(EventPublisher.on(Topics.ALERT_ESCALATED, AlertEvents.escalated(alert, escalation, now))));
        listeners.forEach(l -> l.alertEscalated(alert, escalation));
        timers.fired(timer.timerId(), now).block(TIMEOUT);
        log.info("alert {} escalated from step {} to step {} ({})", alert.alertId(), escalation.fromStep(),
                escalation.toStep(), escalation.toRole());
    }

    /** The slow recovery path: claims abandoned by a dead instance, and timers stored by other instances. */
    @Scheduled(initialDelayString = "${xinfang.notification.escalation.sweep-interval-ms:30000}",
            fixedDelayString = "${xinfang.notification.escalation.sweep-interval-ms:30000}")
    void sweep() {
        try {
            timers.releaseClaimedBefore(clock.instant().minus(claimLease)).block(TIMEOUT);
            scanRequested = true;
            wheel.wakeNow();
        } catch (RuntimeException e) {
            log.warn("escalation sweep failed, will retry: {}", e.getMessage());
        }
    }

    /** Wakes the wheel now; tests call it after moving their clock and wait for the returned future. */
    public java.util.concurrent.Future<?> wakeNow() {
        scanRequested = true;
        return wheel.wakeNow();
    }

    @Override
    public void start() {
        running = true;
        // Timers stored before a restart: wake at once for the overdue, then at the next due time.
        scanRequested = true;
        wheel.wakeNow();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
