package org.xinfang.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer over real HTTP, as the stack and the services use it: every demo client gets a token by the
 * {@code client_credentials} grant, signed with the key of the published JWK set, for audience {@code xinfang-api},
 * whose claims {@link Caller#fromClaims} reads as the client's tenant and roles; a wrong secret gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IssuerIT {

    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path keys;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("xinfang.issuer.issuer", () -> ISSUER);
        registry.add("xinfang.issuer.key-directory", () -> keys.toString());
    }

    @Autowired
    IssuerSettings settings;

    static Stream<String> demoClients() {
        return Stream.of("east-01-clerk", "east-01-leader", "east-01-deputy", "east-01-academic", "east-01-logistics",
                "east-01-general-office", "east-02-clerk", "east-02-leader", "east-02-deputy", "east-02-logistics",
                "east-03-clerk", "east-03-leader", "east-03-deputy", "east-analyst", "east-duty-officer", "east-admin", "operator",
                "west-01-clerk", "west-01-leader", "west-analyst", "west-admin");
    }

    @Test
    void theDemoClientsCoverEveryRoleThreeSchoolsOfOneDistrictAndAnotherDistrict() {
        assertThat(settings.clients().keySet()).containsExactlyInAnyOrderElementsOf(demoClients().toList());
        Set<Role> roles = settings.clients().values().stream().filter(c -> c.district().equals("d-east"))
                .flatMap(c -> c.roles().stream()).map(r -> Role.named(r).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(settings.clients().values().stream().filter(c -> c.district().equals("d-east"))
                .flatMap(c -> c.school().stream()).distinct())
                .containsExactlyInAnyOrder("s-east-01", "s-east-02", "s-east-03");
        assertThat(settings.clients().values()).anyMatch(c -> c.district().equals("d-west"));
    }

    @ParameterizedTest
    @MethodSource("demoClients")
    void eachDemoClientGetsATokenTheServicesAccept(String clientId) throws Exception {
        IssuerSettings.DemoClient client = settings.clients().get(clientId);

        HttpResponse<String> answer = tokenRequest(clientId, client.secret());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        SignedJWT token = SignedJWT.parse(body.get("access_token").asString());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.verify(verifierFor(token))).as("signature by the published key").isTrue();

        Map<String, Object> claims = token.getJWTClaimsSet().getClaims();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(TokenClaims.AUDIENCE);
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(clientId);
        assertThat(claims).containsEntry("azp", clientId);
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant())
                .isAfter(Instant.now().plus(Duration.ofMinutes(20)));
        Caller caller = Caller.fromClaims(claims);
        assertThat(caller.district()).isEqualTo(client.district());
        assertThat(caller.school()).isEqualTo(client.school());
        assertThat(caller.department()).isEqualTo(client.department());
        assertThat(caller.roles()).containsExactlyInAnyOrderElementsOf(
                client.roles().stream().map(r -> Role.named(r).orElseThrow()).toList());
        assertThat(caller.name()).isEqualTo(client.name());
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNoToken() throws Exception {
        HttpResponse<String> wrongSecret = tokenRequest("east-admin", "not-the-secret");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).doesNotContain("access_token");

        HttpResponse<String> unknown = tokenRequest("east-superuser", "anything");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("access_token");
    }

    @Test
    void thePasswordGrantIsNeverOffered() throws Exception {
        HttpResponse<String> password = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", basic("east-01-clerk", settings.clients().get("east-01-clerk").secret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=a&password=b")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type").doesNotContain("access_token");
    }

    @Test
    void theMetadataNamesTheIssuerAndTheKeyIsKeptInItsFolder() throws Exception {
        HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(
                URI.create(ISSUER + "/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(metadata.body());
        assertThat(document.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(document.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");

        RSAKey kept = RSAKey.parse(Files.readString(keys.resolve(SigningKey.FILE), StandardCharsets.UTF_8));
        assertThat(jwkSet().getKeyByKeyId(kept.getKeyID())).isNotNull();
        assertThat(jwkSet().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void healthIsOpenAndNothingElseIsWithoutCredentials() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403);
        assertThat(get("/oauth2/authorize").statusCode()).isIn(302, 400, 401);
    }

    @Test
    void thePersonSignsInOnAChinesePageAndTheConsoleMayOnlyUseTheCodeWithPkce() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"", "<label for=\"username\">账号</label>",
                "<label for=\"password\">密码</label>", "name=\"_csrf\"");

        String verifier = "a-code-verifier-of-at-least-forty-three-characters-long-0123";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = java.net.URLEncoder.encode(settings.consoleUrl() + "/login/oauth2/code/console",
                StandardCharsets.UTF_8);
        HttpResponse<String> withPkce = get("/oauth2/authorize?response_type=code&client_id=xinfang-console&scope=openid"
                + "&state=s1&redirect_uri=" + redirect + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        assertThat(withPkce.statusCode()).as("not signed in: to the sign-in page").isEqualTo(302);
        assertThat(withPkce.headers().firstValue("Location")).hasValueSatisfying(at -> assertThat(at).endsWith("/login"));

        HttpResponse<String> withoutPkce = get("/oauth2/authorize?response_type=code&client_id=xinfang-console"
                + "&scope=openid&state=s1&redirect_uri=" + redirect);
        assertThat(withoutPkce.statusCode()).as("a code without PKCE is refused").isNotEqualTo(200);
        assertThat(withoutPkce.headers().firstValue("Location").orElse("")).doesNotContain("code=");
    }

    @Test
    void everyDemoPersonCarriesTenantClaimsTheServicesAccept() {
        assertThat(settings.users()).isNotEmpty();
        Set<Role> covered = EnumSet.noneOf(Role.class);
        settings.users().forEach((id, user) -> {
            Map<String, Object> claims = new java.util.HashMap<>(ClientClaims.of(id, user.tenancy()));
            claims.put("sub", id);
            covered.addAll(Caller.fromClaims(claims).roles());
        });
        assertThat(covered).as("a demo person for every role").containsExactlyInAnyOrder(Role.values());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static JWKSet jwkSet() throws Exception {
        HttpResponse<String> keys = get("/oauth2/jwks");
        assertThat(keys.statusCode()).isEqualTo(200);
        return JWKSet.parse(keys.body());
    }

    private static JWSVerifier verifierFor(SignedJWT token) throws Exception {
        RSAKey key = (RSAKey) jwkSet().getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("the token's key id is in the published set").isNotNull();
        return new RSASSAVerifier(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
