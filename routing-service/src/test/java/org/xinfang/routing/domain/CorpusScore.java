package org.xinfang.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * How a router does on a part of the labelled corpus: subject and department accuracy, per-subject precision and
 * recall, critical recall and the false-critical rate, with every miss named. Petitions are routed as one person's
 * (form INDIVIDUAL, headcount 1), so only the text can make them critical.
 */
public record CorpusScore(int petitions, int subjectsRight, int departmentsRight, int critical, int criticalFound,
                          int notCritical, int falseCritical, List<String> misses, String summary) {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:00:00Z");

    public double subjectAccuracy() {
        return (double) subjectsRight / petitions;
    }

    public double departmentAccuracy() {
        return (double) departmentsRight / petitions;
    }

    public double criticalRecall() {
        return critical == 0 ? 1 : (double) criticalFound / critical;
    }

    public double falseCriticalRate() {
        return notCritical == 0 ? 0 : (double) falseCritical / notCritical;
    }

    public static CorpusScore of(LabelledCorpus corpus, SubjectClassifier classifier, RiskDetector detector) {
        PetitionRouter router = new PetitionRouter(classifier, detector, new LevelRules(LevelThresholds.defaults()));
        RuleSet rules = DefaultRuleSet.create();
        Map<Subject, int[]> bySubject = new EnumMap<>(Subject.class);
        Map<String, Integer> confusions = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int subjects = 0;
        int departments = 0;
        int critical = 0;
        int criticalFound = 0;
        int falseCritical = 0;
        for (LabelledCorpus.Entry e : corpus.entries()) {
            RoutingDecision d = router.route(new PetitionToRoute(Form.INDIVIDUAL, 1, false, null, e.title(),
                    e.description(), Set.of(), RECEIVED), rules);
            bySubject.computeIfAbsent(e.subject(), s -> new int[3])[0]++;
            bySubject.computeIfAbsent(d.subject(), s -> new int[3])[1]++;
            if (d.subject() == e.subject()) {
                subjects++;
                bySubject.get(e.subject())[2]++;
            } else {
                confusions.merge(e.subject() + " → " + d.subject(), 1, Integer::sum);
                misses.add("subject " + e.id() + " " + e.subject() + " → " + d.subject() + ": " + e.title());
            }
            if (d.department().equals(e.department())) {
                departments++;
            } else {
                misses.add("department " + e.id() + " " + e.department() + " → " + d.department() + ": " + e.title());
            }
            boolean found = d.level() == EmergencyLevel.CRITICAL;
            if (e.critical()) {
                critical++;
                if (found) {
                    criticalFound++;
                } else {
                    misses.add("critical missed " + e.id() + ": " + e.title() + " " + d.riskSignals() + " " + riskReasons(d));
                }
            } else if (found) {
                falseCritical++;
                misses.add("false critical " + e.id() + ": " + e.title() + " " + d.riskSignals() + " " + riskReasons(d));
            }
            for (RiskSignal signal : List.of(RiskSignal.BLOCKING, RiskSignal.MEDIA_ATTENTION)) {
                if (e.risks().contains(signal) != d.riskSignals().contains(signal)) {
                    misses.add("signal " + signal + (e.risks().contains(signal) ? " missed " : " extra ") + e.id() + ": "
                            + e.title());
                }
            }
        }
        int n = corpus.entries().size();
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("petitions %d: subject %d (%.1f%%), department %d (%.1f%%), critical %d/%d, "
                        + "false critical %d/%d (%.1f%%)%n", n, subjects, 100.0 * subjects / n, departments,
                100.0 * departments / n, criticalFound, critical, falseCritical, n - critical,
                100.0 * falseCritical / Math.max(1, n - critical)));
        summary.append("per subject (labelled, inferred, right, precision, recall):\n");
        bySubject.forEach((s, c) -> summary.append(String.format("  %-22s %3d %3d %3d  %5.1f%%  %5.1f%%%n", s, c[0], c[1],
                c[2], c[1] == 0 ? 0.0 : 100.0 * c[2] / c[1], c[0] == 0 ? 0.0 : 100.0 * c[2] / c[0])));
        summary.append("confusions (labelled → inferred):\n");
        confusions.forEach((pair, k) -> summary.append("  ").append(pair).append(" ×").append(k).append('\n'));
        misses.forEach(m -> summary.append("  ").append(m).append('\n'));
        return new CorpusScore(n, subjects, departments, critical, criticalFound, n - critical, falseCritical,
                List.copyOf(misses), summary.toString());
    }

    private static String riskReasons(RoutingDecision d) {
        return d.reasons().stream().filter(r -> r.contains("「")).filter(r -> !r.startsWith("主题")).toList().toString();
    }
}
