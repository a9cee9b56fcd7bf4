package org.xinfang.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A proof-of-work challenge the suite makes itself, so the public door needs no outside captcha service: a random
 * nonce, the difficulty and the expiry, signed with the server's key. Verifying needs no store (the signature says the
 * suite issued it); only the use of a solved challenge is remembered, so that it serves one submission. A solution is
 * a short text whose SHA-256 over {@code challenge + ":" + solution} starts with {@code difficulty} zero bits: a phone
 * finds one in about 2^difficulty hashes, a script sending thousands of petitions pays that for each.
 */
public final class WorkChallenge {

    /** The largest difficulty accepted from configuration: 2^24 hashes is already seconds on a slow phone. */
    public static final int MAX_DIFFICULTY = 24;
    private static final Pattern SOLUTION = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final String VERSION = "w1";

    private final byte[] key;
    private final int difficulty;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public WorkChallenge(byte[] key, int difficulty, Duration lifetime) {
        if (key.length < 16 || difficulty < 0 || difficulty > MAX_DIFFICULTY || lifetime.isNegative()) {
            throw new IllegalArgumentException("a challenge needs a key of 16 bytes or more, a difficulty of 0 to "
                    + MAX_DIFFICULTY + " and a lifetime");
        }
        this.key = key.clone();
        this.difficulty = difficulty;
        this.lifetime = lifetime;
    }

    /** A challenge as handed out: the text to solve, how hard it is and until when it may be used. */
    public record Issued(String challenge, int difficulty, Instant expiresAt) {
    }

    /** A challenge whose solution checked out; {@code nonce} names it where its use is remembered. */
    public record Solved(String nonce, Instant expiresAt) {
    }

    public Issued issue(Instant now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Instant expires = now.plus(lifetime);
        String body = VERSION + "." + HexFormat.of().formatHex(nonce) + "." + difficulty + "."
                + expires.getEpochSecond();
        return new Issued(body + "." + mac(body), difficulty, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /**
     * Checks a challenge and its solution without any store: signed by this suite, not expired, solved.
     *
     * @throws InvalidPetitionException naming {@code challenge} or {@code solution}, with the reason in Chinese
     */
    public Solved check(String challenge, String solution, Instant now) {
        String[] parts = challenge == null ? new String[0] : challenge.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0]) || !parts[1].matches("[0-9a-f]{32}")
                || !parts[2].matches("[0-9]{1,2}") || !parts[3].matches("[0-9]{1,12}")) {
            throw refused("challenge", "验证题格式不正确，请重新获取");
        }
        String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw refused("challenge", "验证题不是本系统发出的，请重新获取");
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        if (!now.isBefore(expires)) {
            throw refused("challenge", "验证题已过期，请重新获取");
        }
        if (solution == null || !SOLUTION.matcher(solution).matches()
                || !solves(challenge, solution, Integer.parseInt(parts[2]))) {
            throw refused("solution", "验证题的解不正确");
        }
        return new Solved(parts[1], expires);
    }

    /** Whether {@code solution} solves {@code challenge} at {@code bits} of difficulty (the client does the same). */
    public static boolean solves(String challenge, String solution, int bits) {
        byte[] hash = sha256((challenge + ":" + solution).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < bits; i++) {
            if ((hash[i / 8] & (0x80 >>> (i % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("challenge|" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static InvalidPetitionException refused(String field, String reason) {
        return new InvalidPetitionException(List.of(new FieldError(field, reason)));
    }
}
