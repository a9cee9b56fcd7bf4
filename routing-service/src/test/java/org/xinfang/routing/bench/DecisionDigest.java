package org.xinfang.routing.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.domain.LabelledCorpus;
import org.xinfang.routing.domain.LevelRules;
import org.xinfang.routing.domain.LevelThresholds;
import org.xinfang.routing.domain.PetitionToRoute;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RiskDetector;
import org.xinfang.routing.domain.RoutingDecision;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.SubjectClassifier;

/**
 * Every decision of the standard router, reasons included, over the whole labelled corpus, the fresh sets and the
 * 1 KB benchmark texts, one line each, and their digest: a change meant to make routing faster must leave the digest
 * as it was.
 *
 * <pre>./mvnw -o -B -pl routing-service -Pbenchmark test-compile exec:exec -Dbench.main=org.xinfang.routing.bench.DecisionDigest -Djmh.args=target/decisions.txt</pre>
 */
public final class DecisionDigest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:00:00Z");

    public static void main(String[] args) throws Exception {
        PetitionRouter router = new PetitionRouter(SubjectClassifier.standard(), RiskDetector.standard(),
                new LevelRules(LevelThresholds.defaults()));
        RuleSet rules = DefaultRuleSet.create();
        StringBuilder out = new StringBuilder();
        List<LabelledCorpus.Entry> entries = new java.util.ArrayList<>(LabelledCorpus.all().entries());
        for (String fresh : LabelledCorpus.FRESH_FILES) {
            entries.addAll(LabelledCorpus.load(fresh).entries());
        }
        for (LabelledCorpus.Entry e : entries) {
            line(out, e.id(), router.route(new PetitionToRoute(Form.INDIVIDUAL, 1, false, null, e.title(),
                    e.description(), Set.of(), RECEIVED), rules));
        }
        List<String> texts = SegmenterComparison.texts(1024);
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            line(out, "1kb-" + i, router.route(new PetitionToRoute(Form.GROUP, 12, false, null, t.substring(0, 20), t,
                    Set.of(), RECEIVED), rules));
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (args.length > 0) {
            Files.write(Path.of(args[0]), bytes);
        }
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        console.printf("%d decisions, digest %s%n", entries.size() + texts.size(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    private static void line(StringBuilder out, String id, RoutingDecision d) {
        out.append(id).append('\t').append(d.subject()).append('\t').append(d.department()).append('\t')
                .append(d.coDepartments()).append('\t').append(d.level()).append('\t').append(new java.util.TreeSet<>(d.riskSignals())).append('\t')
                .append(String.join(" | ", d.reasons())).append('\n');
    }
}
