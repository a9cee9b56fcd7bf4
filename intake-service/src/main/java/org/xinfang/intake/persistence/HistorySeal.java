package org.xinfang.intake.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * Makes a petition's history tamper-evident: a keyed hash chain. Each entry carries a seal, an HMAC-SHA256 over the
 * previous entry's seal, the petition id, the entry's position and every field of the entry, so changing, removing,
 * reordering or inserting an entry, or copying one into another petition, breaks every seal from there on.
 *
 * <p>Keyed rather than a plain hash because whoever can write to the store could otherwise recompute the whole chain;
 * the key lives with the service, not in the store. Each seal names its key ({@code keyId:mac}), so a new key can be
 * made current while old seals stay verifiable. What a chain alone cannot show is the loss of its last entries; the
 * verification also requires the petition's state to be the one its last entry reached.
 */
public final class HistorySeal {

    static final String FIELD = "seal";
    private static final String ALGORITHM = "HmacSHA256";

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    /** @param keys key id → base64 of a key of at least 32 bytes */
    public HistorySeal(String currentKeyId, Map<String, String> keys) {
        Map<String, SecretKeySpec> decoded = new LinkedHashMap<>();
        keys.forEach((id, base64) -> {
            byte[] raw = Base64.getDecoder().decode(base64.trim());
            if (raw.length < 32) {
                throw new IllegalArgumentException("history key '" + id + "' must be 32 bytes or more, is " + raw.length);
            }
            decoded.put(id, new SecretKeySpec(raw, ALGORITHM));
        });
        if (!decoded.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current history key '" + currentKeyId + "' is not configured");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(decoded);
    }

    /** The seal of the entry at this position, following the seal before it ("" for the first sealed entry). */
    String seal(String previous, String petitionId, int position, Document entry) {
        return currentKeyId + ":" + mac(keys.get(currentKeyId), previous, petitionId, position, entry);
    }

    /** Seals entries appended after {@code previous}, the first of them at {@code position}. */
    List<Document> sealed(String previous, String petitionId, int position, List<Document> entries) {
        String last = previous;
        for (int i = 0; i < entries.size(); i++) {
            Document entry = entries.get(i);
            last = seal(last, petitionId, position + i, entry);
            entry.append(FIELD, last);
        }
        return entries;
    }

    /** The seal of the last entry of a stored petition's history: what the next entry follows. */
    static String lastSealOf(Document petition) {
        List<Document> history = petition.getList("history", Document.class, List.of());
        if (history.isEmpty()) {
            return "";
        }
        String seal = history.get(history.size() - 1).getString(FIELD);
        return seal == null ? "" : seal;
    }

    /**
     * Checks a stored petition's whole history. Entries written before histories were sealed may stand before the
     * first sealed one and are counted as unsealed; an unsealed entry after a sealed one is a break.
     */
    public HistoryIntegrity verify(Document petition) {
        String id = petition.getString("_id");
        String number = petition.getString("number");
        List<Document> history = petition.getList("history", Document.class, List.of());
        String previous = "";
        int unsealed = 0;
        for (int position = 0; position < history.size(); position++) {
            Document entry = history.get(position);
            String seal = entry.getString(FIELD);
            if (seal == null) {
                if (!previous.isEmpty()) {
                    return HistoryIntegrity.broken(id, number, history.size(), position, "该条记录没有封印");
                }
                unsealed++;
                continue;
            }
            int colon = seal.indexOf(':');
            SecretKeySpec key = colon < 0 ? null : keys.get(seal.substring(0, colon));
            if (key == null) {
                return HistoryIntegrity.broken(id, number, history.size(), position, "封印的密钥不可识别");
            }
            String expected = mac(key, previous, id, position, entry);
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    seal.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
                return HistoryIntegrity.broken(id, number, history.size(), position, "记录内容、顺序或位置与封印不符");
            }
            previous = seal;
        }
        if (!history.isEmpty() && !history.get(history.size() - 1).getString("to").equals(petition.getString("state"))) {
            return HistoryIntegrity.broken(id, number, history.size(), history.size(), "当前状态不是最后一条记录所到达的状态");
        }
        return HistoryIntegrity.intact(id, number, history.size(), unsealed);
    }

    private static String mac(SecretKeySpec key, String previous, String petitionId, int position, Document entry) {
        StringBuilder text = new StringBuilder();
        // Length-prefixed fields: no two different entries read as the same text.
        for (Object field : new Object[] {previous, petitionId, position, millis(entry.get("at")),
                entry.getString("actorId"), entry.getString("actorName"), entry.getString("actorRole"),
                entry.getString("from"), entry.getString("to"), entry.getString("reason")}) {
            String value = field == null ? null : field.toString();
            text.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value).append('|');
        }
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(hmac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static Long millis(Object at) {
        return at instanceof Date date ? date.getTime() : null;
    }
}
