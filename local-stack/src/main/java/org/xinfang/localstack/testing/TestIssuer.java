package org.xinfang.localstack.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;

/**
 * A real OIDC-shaped issuer for tests: it serves its discovery document and JSON Web Key Set over HTTP on a free port,
 * and mints RS256 access tokens with the claims of {@link TokenClaims}. Services under test verify tokens exactly as
 * in production, by fetching the key set from {@link #jwkSetUri()}. It also mints the tokens an attacker would send:
 * expired, signed by another key, unsigned ({@code alg: none}), for another audience, without a tenant claim.
 */
public final class TestIssuer {

    private static volatile TestIssuer shared;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwkSetUri()
                + "\",\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, jwks));
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "test-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The one issuer of this test JVM. */
    public static TestIssuer shared() {
        TestIssuer issuer = shared;
        if (issuer == null) {
            synchronized (TestIssuer.class) {
                if (shared == null) {
                    shared = new TestIssuer();
                }
                issuer = shared;
            }
        }
        return issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** The Spring properties that point a resource server at this issuer. */
    public Map<String, String> resourceServerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", TokenClaims.AUDIENCE);
        return properties;
    }

    /** A school user: clerk, leader or deputy of {@code school}. */
    public Token school(String district, String school, Role role) {
        return new Token().claim(TokenClaims.DISTRICT, district).claim(TokenClaims.SCHOOL, school)
                .roles(role).subject(school + "-" + role.name().toLowerCase());
    }

    /** A handler of {@code department} in {@code school}. */
    public Token department(String district, String school, String department) {
        return school(district, school, Role.DEPARTMENT_HANDLER).claim(TokenClaims.DEPARTMENT, department)
                .subject(school + "-" + department.toLowerCase());
    }

    /** A bureau or administration user of the whole district. */
    public Token district(String district, Role role) {
        return new Token().claim(TokenClaims.DISTRICT, district).roles(role)
                .subject(district + "-" + role.name().toLowerCase());
    }

    /** A token being built; {@link #bearer()} signs it. */
    public final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);
        private boolean expires = true;
        private String audience = TokenClaims.AUDIENCE;
        private String tokenIssuer = issuer;
        private Signing signing = Signing.ISSUER;

        private enum Signing {
            ISSUER, STRANGER, NONE
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token without(String name) {
            claims.remove(name);
            return this;
        }

        public Token subject(String subject) {
            return claim("sub", subject);
        }

        public Token roles(Role... roles) {
            return claim(TokenClaims.ROLES, java.util.Arrays.stream(roles).map(Role::name).toList());
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Token issuer(String issuer) {
            this.tokenIssuer = issuer;
            return this;
        }

        /** Issued two hours ago, expired an hour ago: well past any clock skew allowance. */
        public Token expired() {
            issuedAt = Instant.now().minus(Duration.ofHours(2));
            lifetime = Duration.ofHours(1);
            return this;
        }

        /** No {@code exp} at all: a token that would be good for ever. */
        public Token withoutExpiry() {
            expires = false;
            return this;
        }

        /** Valid for {@code lifetime} from now. */
        public Token lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Signed by a key the issuer never published, under the issuer's key id. */
        public Token signedByStranger() {
            signing = Signing.STRANGER;
            return this;
        }

        /** {@code alg: none}: no signature at all. */
        public Token unsigned() {
            signing = Signing.NONE;
            return this;
        }

        /** The compact token. */
        public String mint() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(tokenIssuer).audience(List.of(audience))
                    .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                    .expirationTime(expires ? Date.from(issuedAt.plus(lifetime)) : null)
                    .jwtID(UUID.randomUUID().toString());
            claims.forEach(set::claim);
            JWTClaimsSet claimsSet = set.build();
            if (signing == Signing.NONE) {
                return new PlainJWT(claimsSet).serialize();
            }
            RSAKey signer = signing == Signing.ISSUER ? key : strangerKey;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claimsSet);
            try {
                jwt.sign(new RSASSASigner(signer));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
            return jwt.serialize();
        }

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + mint();
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
