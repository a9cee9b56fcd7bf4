package org.xinfang.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's RS256 key pair, kept as a private JWK in {@code signing-key.json} of a folder: made once, read on every
 * later start, so tokens minted before a restart still verify after it (the services cache the public key set).
 */
final class SigningKey {

    static final String FILE = "signing-key.json";
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException(file + " holds no private key");
                }
                log.info("signing key {} read from {}", key.getKeyID(), file);
                return key;
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "signing-key", ".partial");
            ownerOnly(partial);
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            // A reader never sees half a key: the file appears whole or not at all.
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("signing key {} made and kept in {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + directory, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JSON Web Key", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
