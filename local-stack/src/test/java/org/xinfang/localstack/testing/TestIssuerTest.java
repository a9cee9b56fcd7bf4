package org.xinfang.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;

/**
 * The issuer the services' tests rely on: its key set is served over HTTP, its good tokens verify against that set and
 * carry claims a {@link Caller} is built from, and each bad token is bad in exactly the way its name says.
 */
class TestIssuerTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aGoodTokenVerifiesAgainstTheServedKeySetAndNamesItsCaller() throws Exception {
        SignedJWT token = SignedJWT.parse(ISSUER.department("d-east", "s-east-01", "LOGISTICS").mint());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.verify(new RSASSAVerifier(servedKey(token)))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER.issuer());
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(TokenClaims.AUDIENCE);
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
        Caller caller = Caller.fromClaims(token.getJWTClaimsSet().getClaims());
        assertThat(caller.district()).isEqualTo("d-east");
        assertThat(caller.school()).contains("s-east-01");
        assertThat(caller.department()).contains("LOGISTICS");
        assertThat(caller.roles()).containsExactly(Role.DEPARTMENT_HANDLER);
    }

    @Test
    void theDiscoveryDocumentPointsAtTheKeySet() throws Exception {
        String discovery = get(ISSUER.issuer() + "/.well-known/openid-configuration");
        assertThat(discovery).contains("\"issuer\":\"" + ISSUER.issuer() + "\"")
                .contains("\"jwks_uri\":\"" + ISSUER.jwkSetUri() + "\"");
        assertThat(JWKSet.parse(get(ISSUER.jwkSetUri())).getKeys())
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(ISSUER.resourceServerProperties())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER.issuer())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER.jwkSetUri())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.audiences", TokenClaims.AUDIENCE);
    }

    @Test
    void eachBadTokenIsBadInItsOwnWayOnly() throws Exception {
        SignedJWT expired = SignedJWT.parse(ISSUER.district("d-east", Role.BUREAU_ANALYST).expired().mint());
        assertThat(expired.verify(new RSASSAVerifier(servedKey(expired)))).isTrue();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isBefore(new Date(System.currentTimeMillis() - 60_000));

        SignedJWT stranger = SignedJWT.parse(ISSUER.school("d-east", "s-east-01", Role.CLERK).signedByStranger().mint());
        assertThat(stranger.getHeader().getKeyID()).as("claims the issuer's key id").isEqualTo(servedKey(stranger).getKeyID());
        assertThat(stranger.verify(new RSASSAVerifier(servedKey(stranger)))).isFalse();

        JWT unsigned = JWTParser.parse(ISSUER.school("d-east", "s-east-01", Role.CLERK).unsigned().mint());
        assertThat(unsigned).isInstanceOf(PlainJWT.class);

        SignedJWT otherAudience = SignedJWT.parse(ISSUER.school("d-east", "s-east-01", Role.CLERK).audience("x").mint());
        assertThat(otherAudience.getJWTClaimsSet().getAudience()).containsExactly("x");

        SignedJWT withoutSchool = SignedJWT.parse(ISSUER.school("d-east", "s-east-01", Role.LEADER)
                .without(TokenClaims.SCHOOL).mint());
        assertThat(withoutSchool.getJWTClaimsSet().getClaims()).doesNotContainKey(TokenClaims.SCHOOL)
                .containsEntry(TokenClaims.ROLES, List.of("LEADER"));
    }

    private static RSAKey servedKey(SignedJWT token) throws Exception {
        return (RSAKey) JWKSet.parse(get(ISSUER.jwkSetUri())).getKeyByKeyId(token.getHeader().getKeyID());
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
