package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.routing.domain.reading.Reader;

/**
 * The learned subject words in {@code reading/subject-words-learned.tsv} are exactly what {@link SubjectWordLearning}
 * learns from the training part of the corpus, so nobody can tune them by hand or on the held-out part. With
 * {@code -Dreading.relearn=true} this test writes the file afresh instead (after the corpus or the hand-set words change).
 */
class LearnedSubjectWordsTest {

    private static final Path FILE = Path.of("src/main/resources/reading/subject-words-learned.tsv");

    @Test
    void theLearnedWordsAreLearnedFromTheTrainingPartOnly() throws IOException {
        // The service's reader knows the risk and subject vocabulary once both readers exist: learn with the same words.
        RiskDetector.standard();
        SubjectClassifier.standard();
        List<SubjectWordLearning.Example> examples = LabelledCorpus.training().entries().stream()
                .map(e -> new SubjectWordLearning.Example(e.subject(), e.title(), e.description())).toList();
        StringBuilder file = new StringBuilder("# Learned from the training part of the labelled corpus (" + examples.size()
                + " petitions, split seed " + LabelledCorpus.SEED + ") by SubjectWordLearning; do not edit: regenerate with\n"
                + "# ./mvnw -o -B -pl routing-service test -Dtest=LearnedSubjectWordsTest -Dreading.relearn=true\n"
                + "# Columns: word, subject, weight, petitions of that subject with the word / all petitions with it.\n");
        for (SubjectWordLearning.LearnedWord w : SubjectWordLearning.learn(examples, Reader.standard(), SubjectPhrases.handSet())) {
            file.append(w.word()).append('\t').append(w.subject()).append('\t').append(w.weight()).append('\t')
                    .append(w.inSubject()).append('/').append(w.total()).append('\n');
        }
        if (Boolean.getBoolean("reading.relearn")) {
            Files.writeString(FILE, file, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).isEqualTo(file.toString());
    }
}
