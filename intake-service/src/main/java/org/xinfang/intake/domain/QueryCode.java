package org.xinfang.intake.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The query code (查询码) a petitioner gets for a petition sent through the public door: 16 characters drawn by a
 * {@link SecureRandom} from an alphabet without look-alikes (no 0/O, 1/I/L), about 79 bits, so guessing one is
 * hopeless even without the lockout. It is not derived from the petition's id or number, shown once in the answer to
 * the submission and kept only as a keyed hash ({@link QueryCodeKey}). Written in groups of four, read back with or
 * without the dashes, in any case.
 */
public record QueryCode(String value) {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 16;

    public QueryCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a query code");
        }
    }

    public static QueryCode fresh(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new QueryCode(code.toString());
    }

    /** The code as a person typed it, or empty when it cannot be one (then it is not looked up at all). */
    public static Optional<QueryCode> read(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String plain = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new QueryCode(plain));
    }

    /** ABCD-EFGH-JKMN-PQRS, as the answer shows it. */
    public String written() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                + value.substring(12);
    }

    @Override
    public String toString() {
        // Never in a log line by accident.
        return "QueryCode[****]";
    }
}
