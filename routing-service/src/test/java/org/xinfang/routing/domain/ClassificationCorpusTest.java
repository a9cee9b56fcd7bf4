package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Issue 5's bar, measured on the labelled corpus: at least 90% of subjects inferred right, and every petition whose
 * text affirms violence or danger to people routed CRITICAL. The confusion summary goes to the log.
 */
class ClassificationCorpusTest {

    private static final Logger log = LoggerFactory.getLogger(ClassificationCorpusTest.class);
    private static final LabelledCorpus CORPUS = LabelledCorpus.load();
    private static final PetitionRouter ROUTER = new PetitionRouter(SubjectClassifier.standard(), RiskDetector.standard(),
            new LevelRules(LevelThresholds.defaults()), LegalLimits.defaults());
    private static final RuleSet RULES = DefaultRuleSet.create();

    @Test
    void theCorpusCoversEverySubjectRiskAndDenial() {
        assertThat(CORPUS.entries()).hasSizeGreaterThanOrEqualTo(120);
        Set<Subject> subjects = EnumSet.noneOf(Subject.class);
        CORPUS.entries().forEach(e -> subjects.add(e.subject()));
        assertThat(subjects).containsExactlyInAnyOrder(Subject.values());
        assertThat(CORPUS.entries()).anyMatch(e -> e.risks().contains(RiskSignal.VIOLENCE))
                .anyMatch(e -> e.risks().contains(RiskSignal.DANGER_TO_PEOPLE))
                .anyMatch(e -> e.risks().contains(RiskSignal.BLOCKING))
                .anyMatch(e -> e.risks().contains(RiskSignal.MEDIA_ATTENTION))
                .anyMatch(e -> e.description().contains("没有打人"))
                .anyMatch(e -> e.description().contains("并未"))
                .anyMatch(e -> e.description().contains("不是"));
    }

    @Test
    void subjectsAreInferredWithAtLeastNinetyPercentAccuracy() {
        Map<Subject, int[]> bySubject = new EnumMap<>(Subject.class);
        Map<String, Integer> confusions = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        for (LabelledCorpus.Entry e : CORPUS.entries()) {
            RoutingDecision decision = ROUTER.route(facts(e), RULES);
            int[] counts = bySubject.computeIfAbsent(e.subject(), s -> new int[2]);
            counts[0]++;
            if (decision.subject() == e.subject()) {
                correct++;
                counts[1]++;
            } else {
                confusions.merge(e.subject() + " → " + decision.subject(), 1, Integer::sum);
                misses.add(e.id() + " " + e.subject() + " → " + decision.subject() + ": " + e.title());
            }
        }
        double accuracy = (double) correct / CORPUS.entries().size();
        StringBuilder summary = new StringBuilder(String.format("subject accuracy %d/%d = %.1f%%%n",
                correct, CORPUS.entries().size(), accuracy * 100));
        bySubject.forEach((s, c) -> summary.append(String.format("  %-22s %d/%d%n", s, c[1], c[0])));
        summary.append("confusions (expected → inferred):\n");
        confusions.forEach((pair, n) -> summary.append("  ").append(pair).append(" ×").append(n).append('\n'));
        misses.forEach(m -> summary.append("  miss ").append(m).append('\n'));
        log.info("confusion summary\n{}", summary);
        assertThat(accuracy).as(summary.toString()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyViolentOrDangerousPetitionIsCritical() {
        Map<RiskSignal, int[]> recall = new EnumMap<>(RiskSignal.class);
        Map<RiskSignal, Integer> falseAlarms = new EnumMap<>(RiskSignal.class);
        List<String> missed = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (LabelledCorpus.Entry e : CORPUS.entries()) {
            RoutingDecision decision = ROUTER.route(facts(e), RULES);
            for (RiskSignal signal : RiskSignal.values()) {
                boolean labelled = e.risks().contains(signal);
                boolean found = decision.riskSignals().contains(signal);
                if (labelled) {
                    int[] r = recall.computeIfAbsent(signal, s -> new int[2]);
                    r[0]++;
                    if (found) {
                        r[1]++;
                    } else {
                        missed.add(e.id() + " " + signal + ": " + e.title());
                    }
                } else if (found) {
                    falseAlarms.merge(signal, 1, Integer::sum);
                    alarms.add(e.id() + " " + signal + ": " + e.title());
                }
            }
            boolean violentOrDangerous = e.risks().contains(RiskSignal.VIOLENCE) || e.risks().contains(RiskSignal.DANGER_TO_PEOPLE);
            if (violentOrDangerous) {
                assertThat(decision.level()).as(e.id() + " " + e.title() + " " + decision.reasons())
                        .isEqualTo(EmergencyLevel.CRITICAL);
            }
        }
        StringBuilder summary = new StringBuilder("risk signals (found/labelled, false alarms):\n");
        recall.forEach((s, r) -> summary.append(String.format("  %-16s %d/%d, false alarms %d%n", s, r[1], r[0],
                falseAlarms.getOrDefault(s, 0))));
        missed.forEach(m -> summary.append("  missed ").append(m).append('\n'));
        alarms.forEach(a -> summary.append("  false alarm ").append(a).append('\n'));
        log.info("risk summary\n{}", summary);
        for (RiskSignal critical : List.of(RiskSignal.VIOLENCE, RiskSignal.DANGER_TO_PEOPLE)) {
            int[] r = recall.get(critical);
            assertThat(r[1]).as(critical + " recall\n" + summary).isEqualTo(r[0]);
        }
    }

    private static PetitionFacts facts(LabelledCorpus.Entry e) {
        return new PetitionFacts(Form.INDIVIDUAL, 1, false, null, e.title(), e.description(), Set.of(),
                Instant.parse("2026-11-02T01:00:00Z"));
    }
}
