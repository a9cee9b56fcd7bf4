package org.xinfang.routing.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.domain.LevelRules;
import org.xinfang.routing.domain.LevelThresholds;
import org.xinfang.routing.domain.PetitionToRoute;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RiskDetector;
import org.xinfang.routing.domain.RoutingDecision;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.SubjectClassifier;

/**
 * Classifications per second on one thread for petition texts of about {@code bytes} bytes of UTF-8, made of the
 * corpus's real descriptions strung together: the subject alone, and the whole routing decision (subject, risk
 * signals, level, departments, deadlines, reasons), each reading the text with HanLP's segmenter. Throughput by
 * default; {@code -bm sample} gives the latency percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassificationBenchmark {

    @Param({"1024"})
    public int bytes;

    private final SubjectClassifier classifier = SubjectClassifier.standard();
    private final PetitionRouter router = new PetitionRouter(classifier, RiskDetector.standard(),
            new LevelRules(LevelThresholds.defaults()));
    private final RuleSet rules = DefaultRuleSet.create();
    private final Instant receivedAt = Instant.parse("2026-11-02T01:00:00Z");
    private List<String[]> petitions;
    private int next;

    @Setup(Level.Trial)
    public void loadTexts() {
        List<String> texts = SegmenterComparison.texts(bytes);
        petitions = new ArrayList<>();
        for (String text : texts) {
            petitions.add(new String[] {text.substring(0, 20), text});
        }
    }

    @Benchmark
    public SubjectClassifier.Classification subject() {
        String[] p = nextPetition();
        return classifier.classify(p[0], p[1]);
    }

    @Benchmark
    public RoutingDecision fullDecision() {
        String[] p = nextPetition();
        return router.route(new PetitionToRoute(Form.GROUP, 12, false, null, p[0], p[1], Set.of(), receivedAt), rules);
    }

    private String[] nextPetition() {
        next = (next + 1) % petitions.size();
        return petitions.get(next);
    }
}
