package org.xinfang.intake.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.intake.domain.Petitioner;

/**
 * Encrypts petitioners' identity (name, phone, ID number, address) at rest with AES-GCM. Each ciphertext names the
 * key it was made with, so new records use the current key while old ones stay readable after a rotation. The
 * petition id is the associated data: a ciphertext copied into another record does not decrypt.
 */
public final class IdentityCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** @param keys key id → base64 of a 128-, 192- or 256-bit AES key */
    public IdentityCipher(String currentKeyId, Map<String, String> keys) {
        Map<String, SecretKey> decoded = new LinkedHashMap<>();
        keys.forEach((id, base64) -> {
            byte[] raw = Base64.getDecoder().decode(base64.trim());
            if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
                throw new IllegalArgumentException("identity key '" + id + "' must be 16, 24 or 32 bytes, is " + raw.length);
            }
            decoded.put(id, new SecretKeySpec(raw, "AES"));
        });
        if (!decoded.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current identity key '" + currentKeyId + "' is not configured");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(decoded);
    }

    Document seal(String petitionId, List<Petitioner> petitioners) {
        List<Document> people = new ArrayList<>();
        for (Petitioner p : petitioners) {
            people.add(new Document("name", p.name()).append("phone", p.phone())
                    .append("idNumber", p.idNumber()).append("address", p.address()));
        }
        byte[] plain = new Document("people", people).toJson().getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, petitionId, plain);
        return new Document("kid", currentKeyId).append("iv", new Binary(iv)).append("ct", new Binary(sealed));
    }

    List<Petitioner> open(String petitionId, Document identity, List<Relation> relations) {
        String kid = identity.getString("kid");
        SecretKey key = keys.get(kid);
        if (key == null) {
            throw new IllegalStateException("identity of petition " + petitionId + " is sealed with unknown key '" + kid + "'");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, key, identity.get("iv", Binary.class).getData(), petitionId,
                identity.get("ct", Binary.class).getData());
        List<Document> people = Document.parse(new String(plain, StandardCharsets.UTF_8)).getList("people", Document.class);
        List<Petitioner> petitioners = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Document p = people.get(i);
            petitioners.add(new Petitioner(p.getString("name"), p.getString("phone"), p.getString("idNumber"),
                    p.getString("address"), relations.get(i)));
        }
        return petitioners;
    }

    String currentKeyId() {
        return currentKeyId;
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, String petitionId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(petitionId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity of petition " + petitionId + " cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
