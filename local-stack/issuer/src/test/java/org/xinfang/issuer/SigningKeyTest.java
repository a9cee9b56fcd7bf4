package org.xinfang.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path folder;

    @Test
    void theKeyIsMadeOnceAndReadBackOnTheNextStart() throws Exception {
        Path keys = folder.resolve("issuer");
        RSAKey first = SigningKey.loadOrCreate(keys);
        RSAKey second = SigningKey.loadOrCreate(keys);

        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(first.size()).isEqualTo(2048);
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(Files.list(keys)).containsExactly(keys.resolve(SigningKey.FILE));
        if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(SigningKey.FILE))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aFileThatHoldsNoPrivateKeyIsRefused() throws Exception {
        RSAKey made = SigningKey.loadOrCreate(folder);
        Files.writeString(folder.resolve(SigningKey.FILE), made.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKey.loadOrCreate(folder)).hasMessageContaining("no private key");
    }
}
