package org.xinfang.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Derives a petition's {@link PetitionOutcome} from its facts. Only the set of facts matters, never the order they
 * arrived in: the latest routing and the latest step are chosen by when they happened (ties broken by the life
 * cycle's order), so replays and reordering across topics give the same outcome.
 */
public final class OutcomeRules {

    /** A value for dimensions a petition has no answer for yet (not routed, so no department or level). */
    public static final String NOT_ROUTED = "NOT_ROUTED";

    private static final Set<PetitionState> FINISHED = EnumSet.of(PetitionState.RESOLVED, PetitionState.CLOSED,
            PetitionState.NOT_ACCEPTED, PetitionState.REVIEWED, PetitionState.RE_REVIEWED);

    private static final Comparator<PetitionFacts.Step> CHRONOLOGICAL =
            Comparator.comparing(PetitionFacts.Step::at).thenComparing(s -> s.to().ordinal());

    private final ReportingPolicy policy;

    public OutcomeRules(ReportingPolicy policy) {
        this.policy = policy;
    }

    /**
     * The day a petition received at {@code receivedAt} counts on, in the districts' zone. Everything it counts for
     * (its receipt, its decision and time to accept, its answer) is attributed to this day, so a day's figures are
     * those of the petitions the district received that day.
     */
    public LocalDate dayOf(Instant receivedAt) {
        return policy.dayOf(receivedAt);
    }

    /** Empty while the receipt has not been heard: without it the petition has no day, school or form to count under. */
    public Optional<PetitionOutcome> outcomeOf(PetitionFacts facts) {
        PetitionFacts.Received received = facts.received();
        if (received == null) {
            return Optional.empty();
        }
        Optional<PetitionFacts.Routing> routing = facts.routings().stream()
                .max(Comparator.comparing(PetitionFacts.Routing::at).thenComparing(PetitionFacts.Routing::department));
        List<PetitionFacts.Step> steps = facts.steps().stream().sorted(CHRONOLOGICAL).toList();

        PetitionState state = steps.isEmpty()
                ? (routing.isPresent() ? PetitionState.ROUTED : PetitionState.RECEIVED)
                : steps.get(steps.size() - 1).to();
        Optional<PetitionFacts.Step> decision = first(steps, EnumSet.of(PetitionState.ACCEPTED, PetitionState.NOT_ACCEPTED));
        Optional<PetitionFacts.Step> acceptance = first(steps, EnumSet.of(PetitionState.ACCEPTED));
        Optional<PetitionFacts.Step> resolution = first(steps, EnumSet.of(PetitionState.RESOLVED));
        boolean accepted = acceptance.isPresent();
        boolean notAccepted = !accepted && decision.isPresent();

        Instant receivedAt = received.receivedAt();
        Instant acceptBy = routing.map(PetitionFacts.Routing::acceptBy)
                .or(() -> Optional.ofNullable(received.acceptBy()))
                .orElse(null);
        Instant handleBy = acceptance.isPresent() ? handleDeadline(steps) : null;
        Instant decidedAt = decision.map(PetitionFacts.Step::at).orElse(null);
        Instant resolvedAt = resolution.map(PetitionFacts.Step::at).orElse(null);

        Subject subject = routing.map(PetitionFacts.Routing::subject)
                .or(() -> Optional.ofNullable(received.subject()))
                .orElse(Subject.UNKNOWN);

        int requested = 0;
        int approved = 0;
        int declined = 0;
        int open = 0;
        for (PetitionFacts.Emergency emergency : facts.emergencies()) {
            if (!emergency.requested() && emergency.approved() == null) {
                continue;
            }
            requested++;
            if (Boolean.TRUE.equals(emergency.approved())) {
                approved++;
            } else if (Boolean.FALSE.equals(emergency.approved())) {
                declined++;
            }
            if (!Boolean.FALSE.equals(emergency.approved()) && !FINISHED.contains(state)) {
                open++;
            }
        }
        Map<String, Integer> alerts = new TreeMap<>();
        facts.alerts().forEach(a -> alerts.merge(a.kind().name(), 1, Integer::sum));

        return Optional.of(new PetitionOutcome(
                facts.petitionId(), received.district(), received.school(),
                dayOf(receivedAt),
                received.channel().name(), received.form().name(), received.headcount(), received.escalated(),
                subject.name(),
                routing.map(PetitionFacts.Routing::department).orElse(NOT_ROUTED),
                routing.map(r -> r.level().name()).orElse(NOT_ROUTED),
                state.name(),
                routing.isPresent(), accepted, notAccepted, resolvedAt != null,
                decidedAt == null ? null : wholeHours(receivedAt, decidedAt),
                resolvedAt == null ? null : wholeHours(receivedAt, resolvedAt),
                decidedAt == null || acceptBy == null ? null : !decidedAt.isAfter(acceptBy),
                resolvedAt == null || handleBy == null ? null : !resolvedAt.isAfter(handleBy),
                acceptBy, handleBy,
                requested, approved, declined, open, alerts, received.number()));
    }

    /** The handling deadline as intake stated it last, on acceptance or extension; null when it stated none. */
    private static Instant handleDeadline(List<PetitionFacts.Step> steps) {
        return steps.stream()
                .filter(s -> s.dueBy() != null && (s.to() == PetitionState.ACCEPTED || s.to() == PetitionState.EXTENDED))
                .reduce((a, b) -> b).map(PetitionFacts.Step::dueBy).orElse(null);
    }

    private static Optional<PetitionFacts.Step> first(List<PetitionFacts.Step> chronological, Set<PetitionState> states) {
        return chronological.stream().filter(s -> states.contains(s.to())).findFirst();
    }

    /** Durations are reported in whole hours (floored), never negative: clocks of different services may disagree. */
    static long wholeHours(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toHours());
    }
}
