package org.xinfang.routing.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/** The labelled petitions of {@code corpus/petitions.tsv}: realistic texts with the subject and risks a reader assigns. */
record LabelledCorpus(List<Entry> entries) {

    record Entry(String id, Subject subject, Set<RiskSignal> risks, String title, String description) {
    }

    LabelledCorpus and(LabelledCorpus more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries());
        return new LabelledCorpus(List.copyOf(all));
    }

    static LabelledCorpus load() {
        return load("petitions.tsv");
    }

    static LabelledCorpus load(String name) {
        try (InputStream in = LabelledCorpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus/" + name + " is missing from the test resources");
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5) {
                    throw new IllegalStateException("corpus line needs 5 tab-separated columns: " + line);
                }
                Set<RiskSignal> risks = EnumSet.noneOf(RiskSignal.class);
                if (!f[2].equals("-")) {
                    Arrays.stream(f[2].split(",")).map(RiskSignal::valueOf).forEach(risks::add);
                }
                entries.add(new Entry(f[0], Subject.valueOf(f[1]), risks, f[3], f[4]));
            }
            return new LabelledCorpus(List.copyOf(entries));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
