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
 * Issue 5's bar, measured on the labelled corpus the rules were fitted to: at least 90% of subjects inferred right, and
 * every petition whose text affirms violence or danger to people found and routed CRITICAL. The held-out set, never
 * used to fit the rules, is held to the same violence and danger recall; its subject accuracy is logged, not asserted,
 * to show honestly how far phrase rules generalise. Each confusion summary goes to the log.
 */
class ClassificationCorpusTest {

    private static final Logger log = LoggerFactory.getLogger(ClassificationCorpusTest.class);
    /** Fitted: the rules were written and widened reading these (round 3 was a held-out set until it was scored). */
    private static final LabelledCorpus CORPUS = LabelledCorpus.load().and(LabelledCorpus.load("petitions-round2.tsv"))
            .and(LabelledCorpus.load("petitions-round3.tsv"));
    /** Never used to fit the rules: committed before it was first scored. */
    private static final LabelledCorpus HOLDOUT = LabelledCorpus.load("holdout-2.tsv");
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
        Score score = score(CORPUS);
        log.info("corpus ({} petitions) confusion summary\n{}", CORPUS.entries().size(), score.summary());
        assertThat(score.accuracy()).as(score.summary()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyViolentOrDangerousPetitionIsCritical() {
        Score score = score(CORPUS);
        assertThat(score.notCritical()).as(score.summary()).isEmpty();
        assertThat(score.recallMisses(RiskSignal.VIOLENCE)).as(score.summary()).isEmpty();
        assertThat(score.recallMisses(RiskSignal.DANGER_TO_PEOPLE)).as(score.summary()).isEmpty();
    }

    /** Subject accuracy is a measurement here, not a bar: how the rules do on petitions they were never fitted to. */
    @Test
    void heldOutPetitionsAreScoredAndLogged() {
        Score score = score(HOLDOUT);
        log.info("held-out ({} petitions, never used for fitting) confusion summary\n{}", HOLDOUT.entries().size(),
                score.summary());
        assertThat(HOLDOUT.entries()).hasSizeGreaterThanOrEqualTo(60);
    }

    /** Danger is not a matter of accuracy: a violent or dangerous petition missed is missed by nobody else. */
    @Test
    void everyViolentOrDangerousHeldOutPetitionIsCritical() {
        Score score = score(HOLDOUT);
        assertThat(score.notCritical()).as(score.summary()).isEmpty();
        assertThat(score.recallMisses(RiskSignal.VIOLENCE)).as(score.summary()).isEmpty();
        assertThat(score.recallMisses(RiskSignal.DANGER_TO_PEOPLE)).as(score.summary()).isEmpty();
    }

    private static Score score(LabelledCorpus corpus) {
        Map<Subject, int[]> bySubject = new EnumMap<>(Subject.class);
        Map<String, Integer> confusions = new TreeMap<>();
        Map<RiskSignal, int[]> recall = new EnumMap<>(RiskSignal.class);
        Map<RiskSignal, List<String>> missed = new EnumMap<>(RiskSignal.class);
        Map<RiskSignal, Integer> falseAlarms = new EnumMap<>(RiskSignal.class);
        List<String> lines = new ArrayList<>();
        List<String> notCritical = new ArrayList<>();
        int correct = 0;
        for (LabelledCorpus.Entry e : corpus.entries()) {
            RoutingDecision decision = ROUTER.route(facts(e), RULES);
            int[] counts = bySubject.computeIfAbsent(e.subject(), s -> new int[2]);
            counts[0]++;
            if (decision.subject() == e.subject()) {
                correct++;
                counts[1]++;
            } else {
                confusions.merge(e.subject() + " → " + decision.subject(), 1, Integer::sum);
                lines.add("  miss " + e.id() + " " + e.subject() + " → " + decision.subject() + ": " + e.title());
            }
            for (RiskSignal signal : RiskSignal.values()) {
                boolean labelled = e.risks().contains(signal);
                boolean found = decision.riskSignals().contains(signal);
                if (labelled) {
                    int[] r = recall.computeIfAbsent(signal, s -> new int[2]);
                    r[0]++;
                    if (found) {
                        r[1]++;
                    } else {
                        missed.computeIfAbsent(signal, s -> new ArrayList<>()).add(e.id());
                        lines.add("  missed " + signal + " " + e.id() + ": " + e.title());
                    }
                } else if (found) {
                    falseAlarms.merge(signal, 1, Integer::sum);
                    lines.add("  false alarm " + signal + " " + e.id() + ": " + e.title());
                }
            }
            boolean violentOrDangerous = e.risks().contains(RiskSignal.VIOLENCE) || e.risks().contains(RiskSignal.DANGER_TO_PEOPLE);
            if (violentOrDangerous && decision.level() != EmergencyLevel.CRITICAL) {
                notCritical.add(e.id() + " " + e.title() + " → " + decision.level());
            }
        }
        double accuracy = (double) correct / corpus.entries().size();
        StringBuilder summary = new StringBuilder(String.format("subject accuracy %d/%d = %.1f%%%n",
                correct, corpus.entries().size(), accuracy * 100));
        bySubject.forEach((s, c) -> summary.append(String.format("  %-22s %d/%d%n", s, c[1], c[0])));
        summary.append("confusions (expected → inferred):\n");
        confusions.forEach((pair, n) -> summary.append("  ").append(pair).append(" ×").append(n).append('\n'));
        summary.append("risk signals (found/labelled, false alarms):\n");
        recall.forEach((s, r) -> summary.append(String.format("  %-16s %d/%d, false alarms %d%n", s, r[1], r[0],
                falseAlarms.getOrDefault(s, 0))));
        lines.forEach(l -> summary.append(l).append('\n'));
        return new Score(accuracy, summary.toString(), missed, notCritical);
    }

    private static PetitionFacts facts(LabelledCorpus.Entry e) {
        return new PetitionFacts(Form.INDIVIDUAL, 1, false, null, e.title(), e.description(), Set.of(),
                Instant.parse("2026-11-02T01:00:00Z"));
    }

    private record Score(double accuracy, String summary, Map<RiskSignal, List<String>> missed, List<String> notCritical) {

        List<String> recallMisses(RiskSignal signal) {
            return missed.getOrDefault(signal, List.of());
        }
    }
}
