package org.xinfang.intake.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The keyed chain over a petition's history: every kind of change behind the suite's back is found, and where. */
class HistorySealTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString("k1-k1-k1-k1-k1-k1-k1-k1-k1-k1-k1-k".getBytes());
    private static final String KEY_2 = Base64.getEncoder().encodeToString("k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k".getBytes());
    private final HistorySeal seal = new HistorySeal("h1", Map.of("h1", KEY_1));

    private static Document entry(long at, String actor, String from, String to, String reason) {
        return new Document("at", new Date(at)).append("actorId", actor).append("actorName", actor + "的名字")
                .append("actorRole", "值班员").append("from", from).append("to", to).append("reason", reason);
    }

    /** A petition received, routed and accepted, sealed in two writes as the store does. */
    private Document petition(HistorySeal by) {
        List<Document> first = by.sealed("", "p-1", 0, List.of(entry(1_000, "clerk", null, "RECEIVED", null)));
        List<Document> later = by.sealed(first.get(0).getString(HistorySeal.FIELD), "p-1", 1, List.of(
                entry(2_000, "routing", "RECEIVED", "ROUTED", "按规则分派"),
                entry(3_000, "handler", "ROUTED", "ACCEPTED", "属实，受理")));
        List<Document> history = new ArrayList<>(first);
        history.addAll(later);
        return new Document("_id", "p-1").append("number", "东一小-2026-0001").append("state", "ACCEPTED")
                .append("history", history);
    }

    private static List<Document> history(Document petition) {
        return petition.getList("history", Document.class);
    }

    @Test
    void anUntouchedHistoryIsIntact() {
        HistoryIntegrity result = seal.verify(petition(seal));
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.number()).isEqualTo("东一小-2026-0001");
    }

    @Test
    void aChangedReasonActorOrTimeBreaksTheChainAtThatEntry() {
        Document reason = petition(seal);
        history(reason).get(2).put("reason", "不属实");
        assertThat(seal.verify(reason).brokenAt()).isEqualTo(2);

        Document actor = petition(seal);
        history(actor).get(1).put("actorId", "someone-else");
        assertThat(seal.verify(actor).brokenAt()).isEqualTo(1);

        Document time = petition(seal);
        history(time).get(0).put("at", new Date(999));
        HistoryIntegrity broken = seal.verify(time);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isZero();
        assertThat(broken.reason()).contains("封印");
    }

    @Test
    void aRemovedReorderedOrCopiedEntryBreaksTheChain() {
        Document removed = petition(seal);
        history(removed).remove(1);
        assertThat(seal.verify(removed).brokenAt()).isEqualTo(1);

        Document reordered = petition(seal);
        history(reordered).add(0, history(reordered).remove(1));
        assertThat(seal.verify(reordered).intact()).isFalse();

        Document copied = petition(seal);
        copied.put("_id", "p-2");
        assertThat(seal.verify(copied).brokenAt()).as("sealed for another petition").isZero();
    }

    @Test
    void anUnsealedEntryAfterSealedOnesOrAStateItsLastEntryDidNotReachIsABreak() {
        Document appended = petition(seal);
        history(appended).add(entry(4_000, "someone", "ACCEPTED", "CLOSED", "办结"));
        appended.put("state", "CLOSED");
        assertThat(seal.verify(appended).brokenAt()).isEqualTo(3);

        Document truncated = petition(seal);
        history(truncated).remove(2);
        assertThat(seal.verify(truncated).brokenAt()).as("the last entry dropped, the state kept").isEqualTo(2);
        assertThat(seal.verify(truncated).reason()).contains("状态");
    }

    @Test
    void aHistoryWrittenBeforeSealingIsCountedNotBroken() {
        Document legacy = new Document("_id", "p-1").append("state", "ROUTED").append("history", new ArrayList<>(List.of(
                entry(1_000, "clerk", null, "RECEIVED", null), entry(2_000, "routing", "RECEIVED", "ROUTED", null))));
        HistoryIntegrity result = seal.verify(legacy);
        assertThat(result.intact()).isTrue();
        assertThat(result.unsealed()).isEqualTo(2);
    }

    @Test
    void oldSealsStayVerifiableAfterANewKeyIsMadeCurrentAndFailWithoutTheirKey() {
        Document sealedWithOld = petition(seal);
        assertThat(new HistorySeal("h2", Map.of("h1", KEY_1, "h2", KEY_2)).verify(sealedWithOld).intact()).isTrue();
        HistoryIntegrity withoutOldKey = new HistorySeal("h2", Map.of("h2", KEY_2)).verify(sealedWithOld);
        assertThat(withoutOldKey.intact()).isFalse();
        assertThat(withoutOldKey.reason()).contains("密钥");
        assertThat(new HistorySeal("h2", Map.of("h2", KEY_2)).verify(petition(seal)).brokenAt()).isZero();
    }

    @Test
    void aShortOrMissingKeyStopsTheStart() {
        assertThatThrownBy(() -> new HistorySeal("h1", Map.of("h1", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new HistorySeal("h9", Map.of("h1", KEY_1))).hasMessageContaining("'h9'");
    }
}
