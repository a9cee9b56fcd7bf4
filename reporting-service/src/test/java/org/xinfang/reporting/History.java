package org.xinfang.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * A generated history of petitions: what really happened to each (the model), the events the other services would
 * have published about it, and the figures that history must produce, computed here straight from the model with
 * none of the service's code. Days are the district's, in its zone; a share of the receipts fall within minutes of
 * the district's midnight or of UTC's, on either side, where a day counted in the wrong zone would show.
 */
final class History {

    static final String[] DEPARTMENTS = {"教导处", "党支部", "后勤处", "少先队", "办公室"};
    private static final EmergencyLevel[] LEVELS = EmergencyLevel.values();

    /** What happened to one petition; the times are offsets from its receipt. */
    record Petition(String id, String school, Instant receivedAt, LocalDate day, Channel channel, Form form,
                    int headcount, boolean escalated, Subject subject, String department, EmergencyLevel level,
                    List<PetitionStatusChanged> steps, List<AlertKind> alerts, List<Boolean> emergencyDecisions) {

        boolean routed() {
            return department != null;
        }

        Instant first(PetitionState state) {
            return steps.stream().filter(s -> s.to() == state).map(s -> s.meta().occurredAt()).findFirst().orElse(null);
        }

        PetitionState state() {
            return steps.isEmpty() ? (routed() ? PetitionState.ROUTED : PetitionState.RECEIVED)
                    : steps.get(steps.size() - 1).to();
        }
    }

    record Published(Topic<?> topic, PipelineEvent event) {
    }

    final String district;
    final List<String> schools;
    final ZoneId zone;
    final List<Petition> petitions = new ArrayList<>();
    final List<Published> events = new ArrayList<>();

    History(String district, List<String> schools, ZoneId zone, int count, LocalDate firstDay, int days, long seed) {
        this.district = district;
        this.schools = schools;
        this.zone = zone;
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            generate(random, firstDay, days);
        }
    }

    private void generate(Random random, LocalDate firstDay, int days) {
        String id = "p-" + UUID.randomUUID();
        String school = schools.get(random.nextInt(schools.size()));
        LocalDate date = firstDay.plusDays(random.nextInt(days));
        // Within 20 minutes either side of the district's midnight or of UTC's, for one petition in five each.
        Instant receivedAt = switch (random.nextInt(5)) {
            case 0 -> date.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(2400) - 1200);
            case 1 -> date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(2400) - 1200);
            default -> date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
        };
        Form form = random.nextInt(5) == 0 ? Form.GROUP : Form.INDIVIDUAL;
        int headcount = form == Form.GROUP ? 5 + random.nextInt(60) : 1;
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        boolean escalated = random.nextInt(10) == 0;
        boolean routed = random.nextInt(20) != 0;
        Subject subject = routed ? Subject.values()[random.nextInt(Subject.values().length - 1)] : null;
        String department = routed ? DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] : null;
        EmergencyLevel level = routed ? LEVELS[random.nextInt(LEVELS.length)] : null;

        PetitionReceived received = Events.received(district, school, id, receivedAt, channel, form, headcount, escalated);
        events.add(new Published(Topics.PETITION_RECEIVED, received));
        List<PetitionStatusChanged> steps = new ArrayList<>();
        if (routed) {
            events.add(new Published(Topics.PETITION_ROUTED,
                    Events.routed(received, receivedAt.plusSeconds(30), subject, department, level)));
            Instant at = receivedAt.plus(Duration.ofMinutes(60));
            steps.add(step(id, school, at, PetitionState.RECEIVED, PetitionState.ROUTED));
            if (random.nextInt(100) < 85) {
                at = receivedAt.plus(Duration.ofMinutes(60 + random.nextInt(20 * 24 * 60)));
                boolean accept = random.nextInt(10) != 0;
                // Intake states the handling deadline with the acceptance and the extension; reporting never counts one.
                steps.add(step(id, school, at, PetitionState.ROUTED, accept ? PetitionState.ACCEPTED : PetitionState.NOT_ACCEPTED,
                        accept ? at.plus(Duration.ofDays(60)) : null));
                if (accept) {
                    Instant acceptedAt = at;
                    if (random.nextInt(10) < 7) {
                        at = at.plus(Duration.ofHours(24));
                        steps.add(step(id, school, at, PetitionState.ACCEPTED, PetitionState.IN_PROGRESS));
                    }
                    if (random.nextInt(100) < 15) {
                        at = acceptedAt.plus(Duration.ofDays(30));
                        steps.add(step(id, school, at, PetitionState.IN_PROGRESS, PetitionState.EXTENDED,
                                acceptedAt.plus(Duration.ofDays(90))));
                    }
                    if (random.nextInt(10) < 6) {
                        Instant resolvedAt = acceptedAt.plus(Duration.ofMinutes(24 * 60 + random.nextInt(95 * 24 * 60)));
                        at = resolvedAt.isAfter(at) ? resolvedAt : at.plus(Duration.ofHours(1));
                        steps.add(step(id, school, at, PetitionState.IN_PROGRESS, PetitionState.RESOLVED));
                        if (random.nextBoolean()) {
                            steps.add(step(id, school, at.plus(Duration.ofDays(2)), PetitionState.RESOLVED, PetitionState.CLOSED));
                        }
                    }
                }
            }
        }
        steps.forEach(s -> events.add(new Published(Topics.PETITION_STATUS_CHANGED, s)));
        List<AlertKind> alerts = new ArrayList<>();
        List<Boolean> decisions = new ArrayList<>();
        if (form == Form.GROUP) {
            int n = 1 + random.nextInt(2);
            for (int a = 0; a < n; a++) {
                AlertKind kind = AlertKind.values()[random.nextInt(AlertKind.values().length)];
                alerts.add(kind);
                events.add(new Published(Topics.ALERT_RAISED, Events.alert(district, school, id, receivedAt.plusSeconds(40), kind)));
            }
            if (random.nextBoolean()) {
                String incident = "inc-" + UUID.randomUUID();
                events.add(new Published(Topics.EMERGENCY_ACTIVATION_REQUESTED,
                        Events.emergencyRequested(district, school, id, receivedAt.plusSeconds(50), incident)));
                int decision = random.nextInt(3);
                Boolean approved = decision == 0 ? null : decision == 1;
                decisions.add(approved);
                if (approved != null) {
                    events.add(new Published(Topics.EMERGENCY_ACTIVATION_DECIDED,
                            Events.emergencyDecided(district, school, id, receivedAt.plusSeconds(600), incident, approved)));
                }
            }
        }
        petitions.add(new Petition(id, school, receivedAt, LocalDate.ofInstant(receivedAt, zone), channel, form,
                headcount, escalated, subject, department, level, steps, alerts, decisions));
    }

    private PetitionStatusChanged step(String id, String school, Instant at, PetitionState from, PetitionState to) {
        return step(id, school, at, from, to, null);
    }

    private PetitionStatusChanged step(String id, String school, Instant at, PetitionState from, PetitionState to,
                                       Instant dueBy) {
        return new PetitionStatusChanged(new EventMeta(UUID.randomUUID().toString(), "PetitionStatusChanged", 1, at,
                district, school, id), from, to, "DEPARTMENT", null, null, null, dueBy);
    }

    /** The figures the history must produce for the petitions received in [from, to], of one school or all (null). */
    Map<String, Object> truth(String school, LocalDate from, LocalDate to) {
        Map<String, Long> totals = new TreeMap<>();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        List<Long> toAccept = new ArrayList<>();
        List<Long> toResolve = new ArrayList<>();
        for (Petition p : petitions) {
            if ((school != null && !school.equals(p.school())) || p.day().isBefore(from) || p.day().isAfter(to)) {
                continue;
            }
            add(totals, "received", 1);
            add(totals, "headcount", p.headcount());
            if (p.form() == Form.GROUP) {
                add(totals, "groupPetitions", 1);
                add(totals, "groupHeadcount", p.headcount());
            }
            add(totals, "escalated", p.escalated() ? 1 : 0);
            add(totals, "routed", p.routed() ? 1 : 0);
            Instant accepted = p.first(PetitionState.ACCEPTED);
            Instant refused = p.first(PetitionState.NOT_ACCEPTED);
            Instant decided = accepted != null ? accepted : refused;
            Instant resolved = p.first(PetitionState.RESOLVED);
            add(totals, "accepted", accepted != null ? 1 : 0);
            add(totals, "notAccepted", refused != null ? 1 : 0);
            add(totals, "resolved", resolved != null ? 1 : 0);
            if (decided != null) {
                boolean inTime = !decided.isAfter(p.receivedAt().plus(Duration.ofDays(15)));
                add(totals, inTime ? "acceptDeadlineMet" : "acceptDeadlineMissed", 1);
                toAccept.add(Duration.between(p.receivedAt(), decided).toHours());
            }
            if (resolved != null) {
                boolean extended = p.first(PetitionState.EXTENDED) != null;
                Instant due = accepted.plus(Duration.ofDays(extended ? 90 : 60));
                add(totals, resolved.isAfter(due) ? "handleDeadlineMissed" : "handleDeadlineMet", 1);
                toResolve.add(Duration.between(p.receivedAt(), resolved).toHours());
            }
            PetitionState state = p.state();
            boolean finished = state == PetitionState.RESOLVED || state == PetitionState.CLOSED
                    || state == PetitionState.NOT_ACCEPTED;
            for (Boolean approved : p.emergencyDecisions()) {
                add(totals, "emergenciesRequested", 1);
                add(totals, "emergenciesApproved", Boolean.TRUE.equals(approved) ? 1 : 0);
                add(totals, "emergenciesDeclined", Boolean.FALSE.equals(approved) ? 1 : 0);
                add(totals, "openEmergencies", !Boolean.FALSE.equals(approved) && !finished ? 1 : 0);
            }
            add(totals, "alerts", p.alerts().size());
            count(counts, "school", p.school(), 1);
            count(counts, "subject", p.subject() == null ? "UNKNOWN" : p.subject().name(), 1);
            count(counts, "department", p.routed() ? p.department() : "NOT_ROUTED", 1);
            count(counts, "level", p.routed() ? p.level().name() : "NOT_ROUTED", 1);
            count(counts, "form", p.form().name(), 1);
            count(counts, "channel", p.channel().name(), 1);
            count(counts, "state", state.name(), 1);
            p.alerts().forEach(kind -> count(counts, "alertKind", kind.name(), 1));
        }
        // In the answer's shape: a total that stayed zero is left out (the test drops zeros from answers but received).
        totals.values().removeIf(v -> v == 0);
        totals.putIfAbsent("received", 0L);
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("totals", totals);
        truth.put("counts", counts);
        truth.put("hoursToAccept", List.of(toAccept.size(), nearestRank(toAccept, 50), nearestRank(toAccept, 90)));
        truth.put("hoursToResolve", List.of(toResolve.size(), nearestRank(toResolve, 50), nearestRank(toResolve, 90)));
        return truth;
    }

    private static long nearestRank(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static void add(Map<String, Long> totals, String name, long by) {
        totals.merge(name, by, Long::sum);
    }

    private static void count(Map<String, Map<String, Long>> counts, String dimension, String value, long by) {
        counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(value, by, Long::sum);
    }
}
