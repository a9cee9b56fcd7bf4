package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Decides who handles a petition, how urgent it is and by when: subject (the clerk's, or inferred from the text),
 * departments from the applicable rule set, emergency level from form, headcount, escalation and risk signals (the
 * clerk's and those found in the text), and the legal deadlines.
 */
public final class PetitionRouter {

    private final SubjectClassifier classifier;
    private final RiskDetector riskDetector;
    private final LevelRules levelRules;
    private final LegalLimits limits;

    public PetitionRouter(SubjectClassifier classifier, RiskDetector riskDetector, LevelRules levelRules, LegalLimits limits) {
        this.classifier = classifier;
        this.riskDetector = riskDetector;
        this.levelRules = levelRules;
        this.limits = limits;
    }

    public RoutingDecision route(PetitionFacts petition, RuleSet rules) {
        List<String> reasons = new ArrayList<>();

        Subject subject;
        if (petition.subject() != null && petition.subject() != Subject.UNKNOWN) {
            subject = petition.subject();
            reasons.add("subject " + subject + " given by the clerk");
        } else {
            SubjectClassifier.Classification classification = classifier.classify(petition.title(), petition.description());
            subject = classification.subject();
            reasons.addAll(classification.reasons());
        }

        Assignment assignment = rules.assignmentFor(subject);
        Set<String> co = new LinkedHashSet<>(assignment.coDepartments());
        if (rules.coordinator() != null && !rules.coordinator().equals(assignment.department())) {
            co.add(rules.coordinator());
        }
        reasons.add(subject + " → " + assignment.department()
                + (co.isEmpty() ? "" : " with " + String.join(", ", co)) + " (rule set " + rules.versionName() + ")");

        Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        for (RiskSignal given : petition.riskSignals()) {
            signals.add(given);
            reasons.add("risk " + given + " reported by the clerk");
        }
        RiskDetector.Detection detection = riskDetector.detect(petition.title(), petition.description());
        signals.addAll(detection.signals());
        reasons.addAll(detection.reasons());

        LevelRules.Assessment assessment = levelRules.assess(petition.form(), petition.headcount(), petition.escalated(), signals);
        reasons.addAll(assessment.reasons());
        reasons.add("level " + assessment.level());

        return new RoutingDecision(subject, assignment.department(), List.copyOf(co), assessment.level(), signals,
                reasons, rules.versionName(), limits.from(petition.receivedAt()));
    }
}
