package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Decides who handles a petition and how urgent it is: subject (the clerk's, or inferred from the text), departments
 * from the applicable rule set, emergency level from form, headcount, escalation and risk signals (the clerk's and
 * those found in the text). By when is not routing's to decide: intake counts the legal deadlines.
 */
public final class PetitionRouter {

    private final SubjectClassifier classifier;
    private final RiskDetector riskDetector;
    private final LevelRules levelRules;

    public PetitionRouter(SubjectClassifier classifier, RiskDetector riskDetector, LevelRules levelRules) {
        this.classifier = classifier;
        this.riskDetector = riskDetector;
        this.levelRules = levelRules;
    }

    public RoutingDecision route(PetitionToRoute petition, RuleSet rules) {
        List<String> reasons = new ArrayList<>();

        Subject subject;
        if (petition.subject() != null && petition.subject() != Subject.UNKNOWN) {
            subject = petition.subject();
            reasons.add("事项类别「" + subject.chineseName() + "」由登记人选定");
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
        reasons.add(subject.chineseName() + " → " + Departments.chineseName(assignment.department())
                + (co.isEmpty() ? "" : "（协办：" + String.join("、", co.stream().map(Departments::chineseName).toList()) + "）")
                + "，依据规则 " + rules.versionName());

        Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        for (RiskSignal given : petition.riskSignals()) {
            signals.add(given);
            reasons.add("登记人标注风险：" + given.chineseName());
        }
        RiskDetector.Detection detection = riskDetector.detect(petition.title(), petition.description());
        signals.addAll(detection.signals());
        reasons.addAll(detection.reasons());

        LevelRules.Assessment assessment = levelRules.assess(petition.form(), petition.headcount(), petition.escalated(), signals);
        reasons.addAll(assessment.reasons());
        reasons.add("紧急程度：" + assessment.level().chineseName());

        return new RoutingDecision(subject, assignment.department(), List.copyOf(co), assessment.level(), signals,
                reasons, rules.versionName());
    }
}
