package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.Subject;

class SubjectClassifierTest {

    private final SubjectClassifier classifier = SubjectClassifier.standard();

    @Test
    void everySubjectHasHandSetWordsAndNoWordMeansTwoSubjects() {
        Set<Subject> covered = EnumSet.noneOf(Subject.class);
        Map<String, Subject> owner = new HashMap<>();
        SubjectPhrases.DEFAULTS.forEach((subject, line) -> {
            covered.add(subject);
            for (String entry : line.split(" ")) {
                String word = entry.substring(0, entry.length() - 1);
                Subject previous = owner.put(word, subject);
                assertThat(previous).as("'" + word + "' belongs to " + previous + " and " + subject).isIn(null, subject);
            }
        });
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Subject.UNKNOWN)));
        assertThat(SubjectPhrases.PRIORITY).containsExactlyInAnyOrder(Subject.values());
    }

    @Test
    void theLongestPhraseWins() {
        SubjectClassifier.Classification c = classifier.classify("", "老师暗示学生参加有偿补课");
        assertThat(c.subject()).isEqualTo(Subject.PAID_TUTORING);
        assertThat(c.reasons()).last().asString().contains("有偿补课（手设） +3").doesNotContain("、补课");
    }

    @Test
    void aDeniedTopicDoesNotCount() {
        SubjectClassifier.Classification c = classifier.classify("", "我们反映的不是收费问题，而是食堂卫生太差");
        assertThat(c.subject()).isEqualTo(Subject.HYGIENE);
        assertThat(c.reasons()).contains("主题：「收费」前有否定「不是」，不计");
    }

    @Test
    void anAbsenceThatIsTheComplaintIsNotADenial() {
        assertThat(classifier.classify("", "学校的财务收支一直没有公示").subject()).isEqualTo(Subject.OPEN_AFFAIRS);
    }

    @Test
    void theTitleWeighsDoubleAndTiesGoByPriority() {
        assertThat(classifier.classify("校车司机超载", "家长也提到了收费问题").subject()).isEqualTo(Subject.TRAFFIC_SAFETY);
        SubjectClassifier.Classification tie = classifier.classify("", "学生受伤，校车");
        assertThat(tie.subject()).isEqualTo(Subject.STUDENT_INJURY);
        assertThat(tie.reasons()).last().asString().contains("按优先次序取学生意外伤害事故");
    }

    @Test
    void tooLittleEvidenceIsUnknown() {
        SubjectClassifier.Classification c = classifier.classify("", "想了解一下情况，费用");
        assertThat(c.subject()).isEqualTo(Subject.UNKNOWN);
        assertThat(c.reasons()).last().asString().contains("低于 2 → 未分类");
    }
}
