package org.xinfang.routing.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.CorpusScore;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.domain.LabelledCorpus;
import org.xinfang.routing.domain.LevelRules;
import org.xinfang.routing.domain.LevelThresholds;
import org.xinfang.routing.domain.PetitionToRoute;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RiskDetector;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.SubjectClassifier;
import org.xinfang.routing.domain.SubjectPhrases;
import org.xinfang.routing.domain.SubjectWordLearning;
import org.xinfang.routing.domain.reading.Reader;
import org.xinfang.routing.domain.reading.Segmenter;
import org.xinfang.routing.domain.reading.TextForm;
import org.xinfang.routing.domain.reading.WordLexicon;

/**
 * Measures each candidate segmenter in a JVM of its own with a 200 MB heap: time to load its model and read a first
 * clause, heap retained by the loaded analyser, clauses segmented per second, and the whole routing decision built on
 * it (subject words learned again from the training part with that segmenter's words) for accuracy on the training
 * part, the held-out part and the fresh set, throughput on one thread and latency percentiles on 1 KB texts.
 *
 * <pre>./mvnw -o -B -pl routing-service -Pbenchmark test-compile exec:exec -Dbench.main=org.xinfang.routing.bench.SegmenterComparison -Djmh.args=</pre>
 * ({@code -Djmh.args="all hanlp-dictionary"} for one candidate, still in a JVM of its own).
 */
public final class SegmenterComparison {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:00:00Z");

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("all")) {
            for (String name : args.length > 1 ? List.of(args).subList(1, args.length) : CandidateSegmenters.NAMES) {
                Process child = new ProcessBuilder(javaBinary(), "-Xmx200m", "-XX:+UseSerialGC", "-cp",
                        System.getProperty("java.class.path"), SegmenterComparison.class.getName(), name).inheritIO().start();
                if (child.waitFor() != 0) {
                    System.out.println(name + ": failed (exit " + child.exitValue() + ")");
                }
            }
            return;
        }
        measure(args[0]);
    }

    private static void measure(String name) {
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        Segmenter segmenter = CandidateSegmenters.named(name).get();
        segmenter.words("预热一下分词器");
        double loadMs = (System.nanoTime() - start) / 1e6;
        Reader reader = new Reader(TextForm.standard(), segmenter);
        WordLexicon<Subject> lexicon = learnedLexicon(reader);
        SubjectClassifier classifier = new SubjectClassifier(reader, lexicon, SubjectPhrases.PRIORITY, 2);
        RiskDetector detector = new RiskDetector(reader);
        double readyMs = (System.nanoTime() - start) / 1e6;
        long heapAnalyser = usedHeapAfterGc() - heapBefore;

        List<String> texts = texts(1024);
        CorpusScore training = CorpusScore.of(LabelledCorpus.training(), classifier, detector);
        CorpusScore heldOut = CorpusScore.of(LabelledCorpus.heldOut(), classifier, detector);
        CorpusScore fresh = CorpusScore.of(LabelledCorpus.fresh(), classifier, detector);

        double segmentsPerSecond = rate(() -> { }, texts, t -> segmenter.words(t));
        PetitionRouter router = new PetitionRouter(classifier, detector, new LevelRules(LevelThresholds.defaults()));
        RuleSet rules = DefaultRuleSet.create();
        // Warm-up first, then CPU time and count over the same measured 5 s: the thread's own CPU time, and the whole
        // process's (which adds the collector and the compiler, and whatever else the JVM runs).
        // 10 s of warm-up: on a loaded machine the compiler threads wait for a core too, and 3 s left the code half
        // compiled (the CPU time per decision still falling by half).
        run(texts, t -> router.route(facts(t), rules), 10_000_000_000L);
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long processBefore = processCpuTime();
        long wallBefore = System.nanoTime();
        long decisions = run(texts, t -> router.route(facts(t), rules), 5_000_000_000L);
        long wall = System.nanoTime() - wallBefore;
        long threadCpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long processCpu = processCpuTime() - processBefore;
        double decisionsPerSecond = decisions / (wall / 1e9);
        double cpuShare = (double) threadCpu / wall;
        long[] latencies = latencies(texts, t -> router.route(facts(t), rules), false);
        long[] cpuLatencies = latencies(texts, t -> router.route(facts(t), rules), true);

        System.out.printf("%s (%s)%n", name, segmenter.name());
        System.out.printf("  load %.0f ms (reader, words and risk vocabulary ready %.0f ms), analyser heap %.1f MB, max heap %d MB%n",
                loadMs, readyMs, heapAnalyser / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);
        System.out.printf("  1 KB texts: segmented %.0f/s, whole decisions %.0f/s on one thread, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                segmentsPerSecond, decisionsPerSecond, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
        System.out.printf("  per core (CPU time of the thread, %.0f%% of the wall time here): %.0f decisions/s, p50 %.2f ms, "
                        + "p99 %.2f ms, mean %.2f ms; per core of the whole process's CPU time (collector and compiler "
                        + "included): %.0f/s; load average %.2f%n", 100 * cpuShare, decisions / (threadCpu / 1e9),
                cpuLatencies[cpuLatencies.length / 2] / 1e6, cpuLatencies[(int) (cpuLatencies.length * 0.99)] / 1e6,
                Arrays.stream(cpuLatencies).average().orElse(0) / 1e6,
                decisions / (processCpu / 1e9), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (var part : List.of(new Object[] {"training", training}, new Object[] {"held-out", heldOut},
                new Object[] {"fresh", fresh})) {
            CorpusScore s = (CorpusScore) part[1];
            System.out.printf("  %-8s subject %.1f%%, department %.1f%%, critical %d/%d, false critical %d/%d (%.1f%%)%n",
                    part[0], 100 * s.subjectAccuracy(), 100 * s.departmentAccuracy(), s.criticalFound(), s.critical(),
                    s.falseCritical(), s.notCritical(), 100 * s.falseCriticalRate());
        }
    }

    private static WordLexicon<Subject> learnedLexicon(Reader reader) {
        List<SubjectWordLearning.Example> examples = LabelledCorpus.training().entries().stream()
                .map(e -> new SubjectWordLearning.Example(e.subject(), e.title(), e.description())).toList();
        WordLexicon<Subject> lexicon = SubjectPhrases.handSet();
        for (SubjectWordLearning.LearnedWord w : SubjectWordLearning.learn(examples, reader, SubjectPhrases.handSet())) {
            lexicon.add(w.word(), w.subject(), w.weight(), "学得");
        }
        return lexicon;
    }

    private static PetitionToRoute facts(String text) {
        return new PetitionToRoute(Form.GROUP, 12, false, null, text.substring(0, 20), text, Set.of(), RECEIVED);
    }

    /** Per second on one thread, after 3 s of warm-up, over 5 s. */
    private static double rate(Runnable unused, List<String> texts, java.util.function.Consumer<String> work) {
        run(texts, work, 3_000_000_000L);
        long start = System.nanoTime();
        long n = run(texts, work, 5_000_000_000L);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static long run(List<String> texts, java.util.function.Consumer<String> work, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        while (System.nanoTime() < end) {
            work.accept(texts.get((int) (n++ % texts.size())));
        }
        return n;
    }

    /** Each call's wall time, or its thread's CPU time (what it costs a core, whatever else the machine runs). */
    private static long[] latencies(List<String> texts, java.util.function.Consumer<String> work, boolean cpu) {
        long[] took = new long[20_000];
        for (int i = 0; i < took.length; i++) {
            String text = texts.get(i % texts.size());
            long start = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            work.accept(text);
            took[i] = (cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - start;
        }
        Arrays.sort(took);
        return took;
    }

    /** Texts of about {@code bytes} bytes of UTF-8, each the corpus's descriptions strung together from a different start. */
    static List<String> texts(int bytes) {
        List<String> descriptions = LabelledCorpus.all().entries().stream().map(LabelledCorpus.Entry::description).toList();
        List<String> texts = new ArrayList<>();
        for (int start = 0; start < descriptions.size(); start++) {
            StringBuilder text = new StringBuilder();
            for (int i = start; text.toString().getBytes(StandardCharsets.UTF_8).length < bytes; i = (i + 1) % descriptions.size()) {
                text.append(descriptions.get(i));
            }
            String t = text.toString();
            int end = t.length();
            while (t.substring(0, end).getBytes(StandardCharsets.UTF_8).length > bytes) {
                end--;
            }
            texts.add(t.substring(0, end));
        }
        return texts;
    }

    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
