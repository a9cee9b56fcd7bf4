package org.xinfang.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server keeps of a query code, under its own key:
 * <ul>
 * <li>its HMAC-SHA256, the only form a lookup can match: someone reading the store cannot turn a hash back into a
 * code, nor test guesses without the key;</li>
 * <li>for a submission sent with an {@code Idempotency-Key}, the code sealed (AES-GCM) under a key derived from the
 * server's key and that idempotency key together, so that a retry of the same submission (its first answer lost on
 * the way) is answered with the same code. Neither the store nor the server alone can open it: only the submitter's
 * own retry brings the missing half.</li>
 * </ul>
 */
public final class QueryCodeKey {

    private static final int NONCE = 12;
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public QueryCodeKey(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the query code key needs 16 bytes or more");
        }
        this.key = key.clone();
    }

    public String hash(QueryCode code) {
        return HexFormat.of().formatHex(mac("query-code|" + code.value()));
    }

    /** Compares in constant time, so the time of an answer says nothing about how close a guess came. */
    public boolean matches(QueryCode code, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public String seal(QueryCode code, String idempotencyKey) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(idempotencyKey), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(code.value().getBytes(StandardCharsets.US_ASCII));
            byte[] all = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, all, NONCE, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The sealed code, or empty when it does not open with this idempotency key. */
    public Optional<QueryCode> open(String sealed, String idempotencyKey) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(idempotencyKey), new GCMParameterSpec(128, all, 0, NONCE));
            return QueryCode.read(new String(cipher.doFinal(all, NONCE, all.length - NONCE),
                    StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private SecretKeySpec sealingKey(String idempotencyKey) {
        return new SecretKeySpec(Arrays.copyOf(mac("seal|" + idempotencyKey), 32), "AES");
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
