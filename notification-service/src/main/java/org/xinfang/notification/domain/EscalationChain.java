package org.xinfang.notification.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is asked next when nobody acknowledges: by default leader → deputy → principal → bureau duty office, each step
 * waiting its own time. An alert joins the chain at its recipient's place (a principal alert escalates to the
 * bureau); an alert to someone outside the chain (a department) escalates to the chain's first step.
 */
public final class EscalationChain {

    /** One step: the role asked, and how long to wait for its acknowledgement before the next step. */
    public record Step(RecipientRole role, Duration waitFor) {
        public Step {
            if (role == null) {
                throw new IllegalArgumentException("an escalation step needs a role");
            }
            if (waitFor != null && (waitFor.isNegative() || waitFor.isZero())) {
                throw new IllegalArgumentException("an escalation wait must be positive, was " + waitFor);
            }
        }
    }

    private final List<Step> steps;
    private final Duration firstWait;

    /**
     * @param steps the chain, in order; the last step's wait is ignored (there is nobody after it)
     * @param firstWait how long an alert to someone outside the chain waits before the chain's first step
     */
    public EscalationChain(List<Step> steps, Duration firstWait) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an escalation chain needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.firstWait = firstWait;
    }

    public static EscalationChain plan() {
        return new EscalationChain(List.of(
                new Step(RecipientRole.LEADER, Duration.ofMinutes(5)),
                new Step(RecipientRole.DEPUTY, Duration.ofMinutes(5)),
                new Step(RecipientRole.PRINCIPAL, Duration.ofMinutes(10)),
                new Step(RecipientRole.BUREAU_DUTY, null)), Duration.ofMinutes(10));
    }

    /** The steps one alert walks, starting with its own recipient as step 0. */
    public List<Step> stepsFor(RecipientRole recipient) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).role() == recipient) {
                return steps.subList(i, steps.size());
            }
        }
        List<Step> walk = new ArrayList<>();
        walk.add(new Step(recipient, firstWait));
        walk.addAll(steps);
        return walk;
    }

    /** When the alert at {@code step} escalates, if it can escalate further. */
    public Optional<Escalation> after(RecipientRole recipient, int step) {
        List<Step> walk = stepsFor(recipient);
        if (step < 0 || step + 1 >= walk.size() || walk.get(step).waitFor() == null) {
            return Optional.empty();
        }
        return Optional.of(new Escalation(step, step + 1, walk.get(step + 1).role(), walk.get(step).waitFor()));
    }

    /** Moving from one step to the next after {@code wait} without acknowledgement. */
    public record Escalation(int fromStep, int toStep, RecipientRole toRole, Duration waitFor) {
    }
}
