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

/**
 * The labelled petitions of {@code corpus/*.tsv}: realistic texts with the subject, department, critical flag and
 * risks a reader assigns, and a note on what makes the hard ones hard. One pool, split into a training part and a
 * held-out part by {@link #SEED}: a petition's part depends only on its id, so adding petitions never moves others.
 */
public record LabelledCorpus(List<Entry> entries) {

    public static final String[] FILES = {"petitions.tsv", "petitions-round2.tsv", "petitions-round3.tsv",
            "holdout-2.tsv", "petitions-voices.tsv", "petitions-training-5.tsv"};
    /** The fresh sets, outside the pool: each written before it was scored, and scored once. */
    public static final String[] FRESH_FILES = {"fresh-3.tsv", "fresh-4.tsv"};
    /**
     * Ids that put a petition in the training part whatever the seed says: petitions written to teach, added after
     * the held-out part was fixed, so that adding them leaves the held-out part exactly as it was.
     */
    public static final String TRAINING_ONLY = "tr-";
    /** Fixed once; changing it would put petitions the words were learned from into the held-out part. */
    public static final String SEED = "issue-18";
    /** Percent of the pool held out. */
    public static final int HELD_OUT_PERCENT = 30;

    public record Entry(String id, Subject subject, String department, boolean critical, Set<RiskSignal> risks,
                        String note, String title, String description) {

        public boolean heldOut() {
            return !id.startsWith(TRAINING_ONLY) && Math.floorMod((SEED + ":" + id).hashCode(), 100) < HELD_OUT_PERCENT;
        }
    }

    public static LabelledCorpus all() {
        List<Entry> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(load(file).entries());
        }
        return new LabelledCorpus(List.copyOf(all));
    }

    public static LabelledCorpus training() {
        return new LabelledCorpus(all().entries().stream().filter(e -> !e.heldOut()).toList());
    }

    public static LabelledCorpus heldOut() {
        return new LabelledCorpus(all().entries().stream().filter(Entry::heldOut).toList());
    }

    /** Written after the held-out part was first scored; outside the pool, never learned from or tuned on. */
    public static LabelledCorpus fresh() {
        return load("fresh-3.tsv");
    }

    /** Written before this round's learning changes were scored, scored once at the end of that round. */
    public static LabelledCorpus fresh4() {
        return load("fresh-4.tsv");
    }

    public static LabelledCorpus load(String name) {
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
                if (f.length != 8) {
                    throw new IllegalStateException("corpus line needs 8 tab-separated columns: " + line);
                }
                Set<RiskSignal> risks = EnumSet.noneOf(RiskSignal.class);
                if (!f[4].equals("-")) {
                    Arrays.stream(f[4].split(",")).map(RiskSignal::valueOf).forEach(risks::add);
                }
                entries.add(new Entry(f[0], Subject.valueOf(f[1]), f[2], f[3].equals("critical"), risks,
                        f[5].equals("-") ? null : f[5], f[6], f[7]));
            }
            return new LabelledCorpus(List.copyOf(entries));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
