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
    void everySubjectHasPhrasesAndNoPhraseMeansTwoSubjects() {
        Set<Subject> covered = EnumSet.noneOf(Subject.class);
        Map<String, Subject> owner = new HashMap<>();
        for (Phrase<Subject> p : SubjectPhrases.defaults()) {
            if (p.meaning() == null) {
                continue;
            }
            covered.add(p.meaning());
            Subject previous = owner.put(p.text(), p.meaning());
            assertThat(previous).as("'" + p.text() + "' belongs to " + previous + " and " + p.meaning()).isIn(null, p.meaning());
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Subject.UNKNOWN)));
        assertThat(SubjectPhrases.PRIORITY).containsExactlyInAnyOrder(Subject.values());
    }

    @Test
    void theLongestPhraseWins() {
        SubjectClassifier.Classification c = classifier.classify("", "老师暗示学生参加有偿补课");
        assertThat(c.subject()).isEqualTo(Subject.PAID_TUTORING);
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("matched '有偿补课'")).noneMatch(r -> r.startsWith("matched '补课'"));
    }

    @Test
    void aDeniedTopicDoesNotCount() {
        SubjectClassifier.Classification c = classifier.classify("", "我们反映的不是收费问题，而是食堂卫生太差");
        assertThat(c.subject()).isEqualTo(Subject.HYGIENE);
        assertThat(c.reasons()).anyMatch(r -> r.contains("ignored '收费' in description: denied by '不是'"));
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
        assertThat(tie.reasons()).last().asString().contains("by priority");
    }

    @Test
    void tooLittleEvidenceIsUnknown() {
        SubjectClassifier.Classification c = classifier.classify("", "想了解一下情况，费用");
        assertThat(c.subject()).isEqualTo(Subject.UNKNOWN);
        assertThat(c.reasons()).last().asString().contains("below 2");
    }
}
