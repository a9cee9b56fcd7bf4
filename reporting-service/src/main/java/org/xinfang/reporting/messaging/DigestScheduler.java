package org.xinfang.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.OverduePetition;
import org.xinfang.contracts.event.ReportDigestReady;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.reporting.domain.DigestCalendar;
import org.xinfang.reporting.domain.OpenPetition;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.DigestClaims;
import org.xinfang.reporting.persistence.ReportReader;

/**
 * Hands notification a {@code ReportDigestReady} per district after each day and ISO week has closed and settled.
 * Exactly once per period and district across replicas and restarts: the digest is built, then claimed by inserting
 * it under its stable event id (one single-document write; the loser of a race or a later pass sees the duplicate
 * key and stops), then published and marked sent. Each pass first takes over claims left pending too long and
 * publishes their stored bytes again; should a republished digest have reached the broker before, its event id is the
 * same, so notification drops the repeat.
 */
final class DigestScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(2);

    /** Where a digest goes: the broker, acknowledged before this returns. */
    interface Outbox {
        void send(String district, byte[] event) throws Exception;
    }

    private final DigestCalendar calendar;
    private final ReportReader reader;
    private final DigestClaims claims;
    private final Outbox outbox;
    private final Clock clock;
    private final Set<String> configuredDistricts;
    private final Duration staleAfter;
    private final Duration checkEvery;
    private final String instance;
    private final boolean autoStart;
    /** Periods this instance has seen through for every district, so it scans the figures for them only once. */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    DigestScheduler(DigestCalendar calendar, ReportReader reader, DigestClaims claims, Outbox outbox, Clock clock,
                    Set<String> configuredDistricts, Duration staleAfter, Duration checkEvery, String instance,
                    boolean autoStart) {
        this.calendar = calendar;
        this.reader = reader;
        this.claims = claims;
        this.outbox = outbox;
        this.clock = clock;
        this.configuredDistricts = Set.copyOf(configuredDistricts);
        this.staleAfter = staleAfter;
        this.checkEvery = checkEvery;
        this.instance = instance;
        this.autoStart = autoStart;
    }

    /**
     * One pass: republishes stale pending claims, then claims and publishes every due digest not claimed yet.
     *
     * @return how many digests this pass published
     */
    int runOnce() {
        int published = recover();
        for (DigestCalendar.Window window : calendar.due(clock.instant())) {
            String key = window.period() + "|" + window.from();
            if (finished.contains(key)) {
                continue;
            }
            Set<String> districts = new TreeSet<>(configuredDistricts);
            districts.addAll(reader.districtsWithFiguresOn(window.days()).block(STORE_TIMEOUT));
            for (String district : districts) {
                if (publishIfUnclaimed(district, window)) {
                    published++;
                }
            }
            finished.add(key);
        }
        return published;
    }

    private boolean publishIfUnclaimed(String district, DigestCalendar.Window window) {
        String eventId = ReportDigestReady.idFor(district, window.period(), window.from());
        if (Boolean.TRUE.equals(claims.exists(eventId).block(STORE_TIMEOUT))) {
            return false;
        }
        ReportDigestReady digest = build(eventId, district, window);
        String json = new String(EventJson.write(digest), StandardCharsets.UTF_8);
        boolean mine = Boolean.TRUE.equals(claims.claim(eventId, district, window.period().name(),
                window.from().toString(), json, instance, clock.instant()).block(STORE_TIMEOUT));
        if (!mine) {
            return false;
        }
        return send(eventId, district, json);
    }

    private ReportDigestReady build(String eventId, String district, DigestCalendar.Window window) {
        Tally tally = reader.read(district, TallyKey.WHOLE_DISTRICT, window.from(), window.to()).block(STORE_TIMEOUT);
        List<OpenPetition> waiting = reader.waiting(district, null).block(STORE_TIMEOUT);
        // Overdue when the period closed and still waiting now: ids, school and department only.
        List<OverduePetition> overdue = waiting.stream()
                .filter(p -> p.overdueAt(window.closedAt()))
                .sorted(Comparator.comparing(OpenPetition::dueBy).thenComparing(OpenPetition::petitionId))
                .map(p -> new OverduePetition(p.petitionId(), p.school(),
                        p.department() == null || p.department().isBlank() ? "UNROUTED" : p.department(),
                        OpenPetition.ACCEPT.equals(p.stage()) ? "ACCEPTANCE" : "HANDLING", p.dueBy()))
                .toList();
        EventMeta meta = new EventMeta(eventId, ReportDigestReady.class.getSimpleName(),
                EventMeta.CURRENT_SCHEMA_VERSION, clock.instant(), district, null, null);
        return new ReportDigestReady(meta, window.period(), window.from(), window.to(), tally.totals(), tally.counts(),
                overdue);
    }

    private int recover() {
        int published = 0;
        Instant now = clock.instant();
        for (DigestClaims.Pending pending : claims.stale(now.minus(staleAfter)).block(STORE_TIMEOUT)) {
            if (Boolean.TRUE.equals(claims.takeOver(pending, instance, now).block(STORE_TIMEOUT))) {
                log.info("digest {} of {} was left pending since {}: publishing it again", pending.eventId(),
                        pending.district(), pending.claimedAt());
                if (send(pending.eventId(), pending.district(), pending.event())) {
                    published++;
                }
            }
        }
        return published;
    }

    /** Publishes and marks sent; a failure leaves the claim pending for a later pass to take over. */
    private boolean send(String eventId, String district, String json) {
        try {
            outbox.send(district, json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            log.warn("digest {} of {} not published, left pending for recovery: {}", eventId, district, e.toString());
            return false;
        }
        claims.markSent(eventId, clock.instant()).block(STORE_TIMEOUT);
        log.info("digest {} of {} published", eventId, district);
        return true;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "report-digests");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("digest pass failed, next in {}: {}", checkEvery, e.toString());
            }
        }, Math.min(10_000, checkEvery.toMillis()), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }
}
