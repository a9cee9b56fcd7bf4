package org.xinfang.intake.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.intake.domain.Petitioner;

class IdentityCipherTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final List<Petitioner> PEOPLE = List.of(
            new Petitioner("王某", "13800000000", "110101199001011234", "东城区某路1号", Relation.PARENT),
            new Petitioner("李某", null, null, null, Relation.TEACHER));
    private static final List<Relation> RELATIONS = List.of(Relation.PARENT, Relation.TEACHER);

    @Test
    void sealsSoNothingIsReadableAndOpensBackExactly() {
        IdentityCipher cipher = new IdentityCipher("k1", Map.of("k1", KEY_1));
        Document sealed = cipher.seal("p-1", PEOPLE);
        assertThat(sealed.toJson()).doesNotContain("王某").doesNotContain("13800000000").doesNotContain("110101");
        assertThat(sealed.getString("kid")).isEqualTo("k1");
        assertThat(cipher.open("p-1", sealed, RELATIONS)).isEqualTo(PEOPLE);
    }

    @Test
    void eachSealUsesAFreshNonce() {
        IdentityCipher cipher = new IdentityCipher("k1", Map.of("k1", KEY_1));
        assertThat(cipher.seal("p-1", PEOPLE).get("iv", Binary.class))
                .isNotEqualTo(cipher.seal("p-1", PEOPLE).get("iv", Binary.class));
    }

    @Test
    void afterRotationOldRecordsStayReadableAndNewOnesUseTheNewKey() {
        Document old = new IdentityCipher("k1", Map.of("k1", KEY_1)).seal("p-1", PEOPLE);
        IdentityCipher rotated = new IdentityCipher("k2", Map.of("k1", KEY_1, "k2", KEY_2));
        assertThat(rotated.open("p-1", old, RELATIONS)).isEqualTo(PEOPLE);
        assertThat(rotated.seal("p-2", PEOPLE).getString("kid")).isEqualTo("k2");
        IdentityCipher withoutOldKey = new IdentityCipher("k2", Map.of("k2", KEY_2));
        assertThatThrownBy(() -> withoutOldKey.open("p-1", old, RELATIONS)).hasMessageContaining("unknown key 'k1'");
    }

    @Test
    void aCiphertextMovedToAnotherPetitionDoesNotOpen() {
        IdentityCipher cipher = new IdentityCipher("k1", Map.of("k1", KEY_1));
        Document sealed = cipher.seal("p-1", PEOPLE);
        assertThatThrownBy(() -> cipher.open("p-2", sealed, RELATIONS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesKeysOfTheWrongSizeOrAMissingCurrentKey() {
        assertThatThrownBy(() -> new IdentityCipher("k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[7]))))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> new IdentityCipher("k9", Map.of("k1", KEY_1))).hasMessageContaining("'k9'");
    }
}
