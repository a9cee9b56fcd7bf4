package org.xinfang.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.notification.ServiceIT;

/**
 * docs/access.md for alerts, incidents and contacts: every role against every resource family of this service, in its
 * own school, another school of its district and a school of another district, with the exact status the matrix
 * gives (403 for a role that may not use a family, 404 for a record outside the caller's tenancy). Then every token
 * that must not be trusted (401), and injection attempts in the bodies this service takes (400, nothing stored).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends ServiceIT {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final String EAST = "d-east";
    static final String WEST = "d-west";
    static final String OWN = "s-acl-01";
    static final String OTHER = "s-acl-02";
    static final String FOREIGN = "s-acl-west-01";
    static final String DEPARTMENT = "LOGISTICS";

    enum Tenancy { OWN, OTHER_SCHOOL, OTHER_DISTRICT }

    /** The records one role acts on in its own school (fresh per role, since acknowledging and deciding happen once). */
    record Records(String petitionId, String incidentId, String requestAlert, String departmentAlert) {
    }

    private final Map<Role, Records> ownByRole = new EnumMap<>(Role.class);
    private Records otherSchool;
    private Records otherDistrict;
    /** Alerts of the other school that the bureau's duty office (district-wide) acknowledges. */
    private Records otherSchoolForDuty;
    /** A petition of the own school that only the audit test acknowledges. */
    private Records audited;

    /** A token of {@code role} in the caller's own school (school roles) or district (district roles), d-east. */
    static String token(Role role) {
        return switch (role.scope()) {
            case SCHOOL -> role == Role.DEPARTMENT_HANDLER ? ISSUER.department(EAST, OWN, DEPARTMENT).bearer()
                    : ISSUER.school(EAST, OWN, role).bearer();
            case DISTRICT -> ISSUER.district(EAST, role).bearer();
        };
    }

    private static PetitionRouted routed(String district, String school) {
        return routed(district, school, EmergencyLevel.ELEVATED);
    }

    private static PetitionRouted routed(String district, String school, EmergencyLevel level) {
        String petitionId = "p-acl-" + UUID.randomUUID();
        Instant now = Instant.now();
        return new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, district, school, petitionId, now),
                UUID.randomUUID().toString(), Subject.HYGIENE, DEPARTMENT, List.of(), level,
                List.of("test"), "test-rules", new Deadlines(now.plus(Duration.ofDays(15)), 60, 30));
    }

    private List<Map<String, Object>> alertsAs(String bearer, String petitionId) {
        return web.get().uri("/api/v1/alerts?petitionId={id}", petitionId).header("Authorization", bearer)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    private Records recordsOf(PetitionRouted event, String readerBearer) {
        String petitionId = event.meta().petitionId();
        await("alerts of " + petitionId, Duration.ofSeconds(30), () -> alertsAs(readerBearer, petitionId).size() >= 2);
        List<Map<String, Object>> alerts = alertsAs(readerBearer, petitionId);
        String request = alerts.stream().filter(a -> "ACTIVATION_REQUEST".equals(a.get("kind"))).findFirst()
                .orElseThrow().get("alertId").toString();
        String notice = alerts.stream().filter(a -> "DEPARTMENT_NOTICE".equals(a.get("kind"))).findFirst()
                .orElseThrow().get("alertId").toString();
        return new Records(petitionId, alerts.get(0).get("incidentId").toString(), request, notice);
    }

    @BeforeAll
    void raiseAlertsInThreeTenancies() {
        Map<Role, PetitionRouted> own = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            own.put(role, routed(EAST, OWN));
            tap.publish(Topics.PETITION_ROUTED, own.get(role));
        }
        PetitionRouted other = routed(EAST, OTHER);
        PetitionRouted otherForDuty = routed(EAST, OTHER);
        PetitionRouted foreign = routed(WEST, FOREIGN);
        PetitionRouted forAudit = routed(EAST, OWN);
        tap.publish(Topics.PETITION_ROUTED, forAudit);
        tap.publish(Topics.PETITION_ROUTED, other);
        tap.publish(Topics.PETITION_ROUTED, otherForDuty);
        tap.publish(Topics.PETITION_ROUTED, foreign);
        String ownClerk = ISSUER.school(EAST, OWN, Role.CLERK).bearer();
        own.forEach((role, event) -> ownByRole.put(role, recordsOf(event, ownClerk)));
        otherSchool = recordsOf(other, ISSUER.school(EAST, OTHER, Role.CLERK).bearer());
        otherSchoolForDuty = recordsOf(otherForDuty, ISSUER.school(EAST, OTHER, Role.CLERK).bearer());
        otherDistrict = recordsOf(foreign, ISSUER.school(WEST, FOREIGN, Role.CLERK).bearer());
        audited = recordsOf(forAudit, ownClerk);

        String eastAdmin = ISSUER.district(EAST, Role.ADMINISTRATOR).bearer();
        String westAdmin = ISSUER.district(WEST, Role.ADMINISTRATOR).bearer();
        for (String id : new String[] {"c-read", "c-change"}) {
            putContactAs(eastAdmin, OWN, id).expectStatus().isOk();
            putContactAs(eastAdmin, OTHER, id).expectStatus().isOk();
            putContactAs(westAdmin, FOREIGN, id).expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec putContactAs(String bearer,
            String school, String id) {
        return web.put().uri("/api/v1/contacts/{id}?school={s}", id, school).header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "LEADER", "name", "组长", "email", "leader@" + school + ".test")).exchange();
    }

    private Records records(Role role, Tenancy tenancy) {
        return switch (tenancy) {
            case OWN -> ownByRole.get(role);
            case OTHER_SCHOOL -> role == Role.BUREAU_DUTY_OFFICER ? otherSchoolForDuty : otherSchool;
            case OTHER_DISTRICT -> otherDistrict;
        };
    }

    private static String schoolOf(Tenancy tenancy) {
        return switch (tenancy) {
            case OWN -> OWN;
            case OTHER_SCHOOL -> OTHER;
            case OTHER_DISTRICT -> FOREIGN;
        };
    }

    /** One row of the matrix: the statuses for own school, another school of the district, another district. */
    private record Row(int own, int otherSchool, int otherDistrict) {
        int of(Tenancy tenancy) {
            return switch (tenancy) {
                case OWN -> own;
                case OTHER_SCHOOL -> otherSchool;
                case OTHER_DISTRICT -> otherDistrict;
            };
        }
    }

    private static final Row SCHOOL_ONLY = new Row(200, 404, 404);
    private static final Row DISTRICT_WIDE = new Row(200, 200, 404);
    private static final Row FORBIDDEN = new Row(403, 403, 403);

    /** The expected status for each role and operation, as docs/access.md states it. */
    private static Row expected(Role role, String operation) {
        return switch (operation) {
            case "alerts read" -> switch (role) {
                case CLERK, LEADER, DEPUTY_LEADER, DEPARTMENT_HANDLER -> SCHOOL_ONLY;
                case BUREAU_DUTY_OFFICER -> DISTRICT_WIDE;
                case BUREAU_ANALYST, ADMINISTRATOR -> FORBIDDEN;
            };
            // A clerk sees alerts but never acknowledges one: that would stop the chain meant to reach the leader.
            case "alerts ack" -> switch (role) {
                case LEADER, DEPUTY_LEADER, DEPARTMENT_HANDLER -> SCHOOL_ONLY;
                case BUREAU_DUTY_OFFICER -> DISTRICT_WIDE;
                case CLERK, BUREAU_ANALYST, ADMINISTRATOR -> FORBIDDEN;
            };
            case "incidents read" -> switch (role) {
                case CLERK, LEADER, DEPUTY_LEADER -> SCHOOL_ONLY;
                case BUREAU_ANALYST, BUREAU_DUTY_OFFICER -> DISTRICT_WIDE;
                case DEPARTMENT_HANDLER, ADMINISTRATOR -> FORBIDDEN;
            };
            case "incidents decide" -> switch (role) {
                case LEADER, DEPUTY_LEADER -> SCHOOL_ONLY;
                default -> FORBIDDEN;
            };
            case "incidents timeline" -> switch (role) {
                case CLERK, LEADER, DEPUTY_LEADER -> SCHOOL_ONLY;
                case BUREAU_DUTY_OFFICER -> DISTRICT_WIDE;
                default -> FORBIDDEN;
            };
            case "contacts read" -> switch (role) {
                case LEADER, DEPUTY_LEADER -> SCHOOL_ONLY;
                case ADMINISTRATOR -> DISTRICT_WIDE;
                default -> FORBIDDEN;
            };
            case "contacts change" -> role == Role.ADMINISTRATOR ? DISTRICT_WIDE : FORBIDDEN;
            default -> throw new IllegalArgumentException(operation);
        };
    }

    private int call(Role role, String operation, Tenancy tenancy) {
        Records records = records(role, tenancy);
        String alert = role == Role.DEPARTMENT_HANDLER ? records.departmentAlert() : records.requestAlert();
        String school = schoolOf(tenancy);
        WebTestClient.RequestHeadersSpec<?> request = switch (operation) {
            case "alerts read" -> web.get().uri("/api/v1/alerts/{id}/deliveries", alert);
            case "alerts ack" -> web.post().uri("/api/v1/alerts/{id}/ack", alert);
            case "incidents read" -> web.get().uri("/api/v1/incidents/{id}", records.incidentId());
            case "incidents decide" -> web.post().uri("/api/v1/incidents/{id}/activation", records.incidentId())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approved", true, "reason", "同意"));
            case "incidents timeline" -> web.post().uri("/api/v1/incidents/{id}/timeline", records.incidentId())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "ARRIVED"));
            case "contacts read" -> web.get().uri("/api/v1/contacts/c-read?school={s}", school);
            case "contacts change" -> web.method(HttpMethod.DELETE).uri("/api/v1/contacts/c-change?school={s}", school);
            default -> throw new IllegalArgumentException(operation);
        };
        return request.header("Authorization", token(role))
                // Headers that once named a tenant change nothing.
                .header("X-District", schoolOf(tenancy).equals(FOREIGN) ? WEST : EAST).header("X-School", school)
                .header("X-Role", "ADMINISTRATOR")
                .exchange().returnResult(byte[].class).getStatus().value();
    }

    static Stream<Arguments> everyRoleAndFamily() {
        List<Arguments> all = new ArrayList<>();
        for (String operation : List.of("alerts read", "alerts ack", "incidents read", "incidents decide",
                "incidents timeline", "contacts read", "contacts change")) {
            for (Role role : Role.values()) {
                all.add(Arguments.of(role, operation));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndFamily")
    void everyRoleGetsExactlyWhatTheMatrixSaysInEachTenancy(Role role, String operation) {
        Row row = expected(role, operation);
        List<String> got = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (Tenancy tenancy : Tenancy.values()) {
            want.add(tenancy + "=" + row.of(tenancy));
            got.add(tenancy + "=" + call(role, operation, tenancy));
        }
        assertThat(got).as(role + " " + operation).isEqualTo(want);
    }

    @Test
    void aDepartmentHandlerSeesOnlyAlertsAddressedToItsDepartmentAndNeverTheIdentity() {
        Records records = ownByRole.get(Role.CLERK);
        String logistics = ISSUER.department(EAST, OWN, DEPARTMENT).bearer();
        List<Map<String, Object>> seen = alertsAs(logistics, records.petitionId());
        assertThat(seen).singleElement().satisfies(a -> {
            assertThat(a.get("kind")).isEqualTo("DEPARTMENT_NOTICE");
            assertThat(a.get("department")).isEqualTo(DEPARTMENT);
        });
        assertThat(alertsAs(ISSUER.department(EAST, OWN, "ACADEMIC_AFFAIRS").bearer(), records.petitionId())).isEmpty();
        web.post().uri("/api/v1/alerts/{id}/ack", records.requestAlert()).header("Authorization", logistics)
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/alerts/{id}/ack", records.departmentAlert())
                .header("Authorization", ISSUER.department(EAST, OWN, "ACADEMIC_AFFAIRS").bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void whoMayNotReadContactsSeesDeliveriesMaskedAndTheLeaderSeesWhereTheyWent() {
        // A petition routed after the school's leader contacts were registered, so its request is delivered to them.
        PetitionRouted later = routed(EAST, OWN);
        tap.publish(Topics.PETITION_ROUTED, later);
        String alert = recordsOf(later, token(Role.LEADER)).requestAlert();
        await("the leader's delivery", Duration.ofSeconds(30), () -> !deliveriesAs(token(Role.LEADER), alert).isEmpty());
        Map<?, ?> forLeader = (Map<?, ?>) deliveriesAs(token(Role.LEADER), alert).get(0).get("delivery");
        assertThat(forLeader.get("target")).isEqualTo("leader@" + OWN + ".test");
        for (Role role : List.of(Role.CLERK, Role.BUREAU_DUTY_OFFICER)) {
            Map<?, ?> masked = (Map<?, ?>) deliveriesAs(token(role), alert).get(0).get("delivery");
            assertThat(masked.get("target")).as(role.name()).isEqualTo("l***@" + OWN + ".test");
            assertThat(masked.get("channel")).isEqualTo(forLeader.get("channel"));
        }
    }

    /**
     * Webhook URLs, phone numbers and a receiver's raw error, as each role sees them. A school's leaders read their own
     * school's contacts, not the district's: the bureau's duty office's phone stays masked for them too. The district
     * of its own, so its bureau contact reaches no other test's alerts.
     */
    @Test
    void deliveryTargetsAndReceiversErrorsAreMaskedForWhoMayNotReadThoseContacts() {
        String district = "d-mask";
        String school = "s-mask-01";
        String admin = ISSUER.district(district, Role.ADMINISTRATOR).bearer();
        String policeUrl = RECEIVER.url("/always-fail/mask-police");
        web.put().uri("/api/v1/contacts/police?school={s}", school).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "POLICE", "name", "派出所", "webhookUrl", policeUrl, "phone", "13812345678"))
                .exchange().expectStatus().isOk();
        web.put().uri("/api/v1/contacts/duty").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "BUREAU_DUTY", "name", "教育局值班室", "phone", "13987654321"))
                .exchange().expectStatus().isOk();
        PetitionRouted critical = routed(district, school, EmergencyLevel.CRITICAL);
        tap.publish(Topics.PETITION_ROUTED, critical);
        String clerk = ISSUER.school(district, school, Role.CLERK).bearer();
        String leader = ISSUER.school(district, school, Role.LEADER).bearer();
        String duty = ISSUER.district(district, Role.BUREAU_DUTY_OFFICER).bearer();
        await("the police and bureau alerts", Duration.ofSeconds(30), () -> alertsAs(clerk, critical.meta().petitionId())
                .stream().map(a -> a.get("kind")).toList().containsAll(List.of("POLICE_ALERT", "BUREAU_ALERT")));
        String police = alertIdOf(clerk, critical.meta().petitionId(), "POLICE_ALERT");
        String bureau = alertIdOf(clerk, critical.meta().petitionId(), "BUREAU_ALERT");
        await("the police webhook given up", Duration.ofSeconds(30), () -> deliveriesAs(leader, police).stream()
                .anyMatch(d -> "DEAD".equals(d.get("state"))));
        await("the bureau's text sent", Duration.ofSeconds(30), () -> deliveriesAs(leader, bureau).stream()
                .anyMatch(d -> "DELIVERED".equals(d.get("state"))));

        for (String masked : List.of(clerk, duty)) {
            Map<String, Map<String, Object>> seen = byChannel(deliveriesAs(masked, police));
            assertThat(target(seen.get("WEBHOOK"))).isEqualTo("http://***");
            assertThat(target(seen.get("SMS"))).isEqualTo("138****5678");
            assertThat(seen.get("WEBHOOK").get("lastError")).isEqualTo("rejected");
            assertThat(target(byChannel(deliveriesAs(masked, bureau)).get("SMS"))).isEqualTo("139****4321");
        }
        Map<String, Map<String, Object>> forLeader = byChannel(deliveriesAs(leader, police));
        assertThat(target(forLeader.get("WEBHOOK"))).isEqualTo(policeUrl);
        assertThat(target(forLeader.get("SMS"))).isEqualTo("13812345678");
        assertThat((String) forLeader.get("WEBHOOK").get("lastError")).contains("500");
        assertThat(target(byChannel(deliveriesAs(leader, bureau)).get("SMS")))
                .as("the district's own contact is not the school's to read").isEqualTo("139****4321");
        web.get().uri("/api/v1/alerts/{id}/deliveries", police).header("Authorization", admin)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String alertIdOf(String bearer, String petitionId, String kind) {
        return alertsAs(bearer, petitionId).stream().filter(a -> kind.equals(a.get("kind"))).findFirst().orElseThrow()
                .get("alertId").toString();
    }

    private static Map<String, Map<String, Object>> byChannel(List<Map<String, Object>> deliveries) {
        Map<String, Map<String, Object>> by = new java.util.HashMap<>();
        deliveries.forEach(d -> by.put(((Map<?, ?>) d.get("delivery")).get("channel").toString(), d));
        return by;
    }

    private static Object target(Map<String, Object> tracked) {
        return ((Map<?, ?>) tracked.get("delivery")).get("target");
    }

    @Test
    void onlyTheRecipientOrWhomTheChainReachesLaterAcknowledges() {
        PetitionRouted critical = routed(EAST, OWN, EmergencyLevel.CRITICAL);
        tap.publish(Topics.PETITION_ROUTED, critical);
        String leader = token(Role.LEADER);
        await("the principal alert", Duration.ofSeconds(30), () -> alertsAs(leader, critical.meta().petitionId())
                .stream().anyMatch(a -> "PRINCIPAL_ALERT".equals(a.get("kind"))));
        String principalAlert = alertsAs(leader, critical.meta().petitionId()).stream()
                .filter(a -> "PRINCIPAL_ALERT".equals(a.get("kind"))).findFirst().orElseThrow().get("alertId").toString();
        // The deputy stands before the principal in the chain, not after: the principal's alert is not theirs to stop.
        web.post().uri("/api/v1/alerts/{id}/ack", principalAlert).header("Authorization", token(Role.DEPUTY_LEADER))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/alerts/{id}/ack", principalAlert).header("Authorization", token(Role.CLERK))
                .exchange().expectStatus().isForbidden();
        assertThat(alertsAs(leader, critical.meta().petitionId()).stream()
                .filter(a -> principalAlert.equals(a.get("alertId"))).findFirst().orElseThrow().get("state"))
                .as("refused acknowledgements change nothing").isEqualTo("OPEN");
        web.post().uri("/api/v1/alerts/{id}/ack", principalAlert).header("Authorization", leader)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED");
    }

    private List<Map<String, Object>> deliveriesAs(String bearer, String alertId) {
        return web.get().uri("/api/v1/alerts/{id}/deliveries", alertId).header("Authorization", bearer)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void acknowledgementsAndDecisionsRecordTheTokensSubjectAndRole() {
        Records records = audited;
        web.post().uri("/api/v1/alerts/{id}/ack", records.requestAlert())
                .header("Authorization", ISSUER.school(EAST, OWN, Role.LEADER).bearer()).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/v1/incidents/{id}/activation", records.incidentId())
                .header("Authorization", ISSUER.school(EAST, OWN, Role.DEPUTY_LEADER).claim("name", "副组长甲").bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approved", false, "reason", "已化解"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decision.by").isEqualTo(OWN + "-deputy_leader")
                .jsonPath("$.decision.role").isEqualTo("DEPUTY_LEADER")
                .jsonPath("$.timeline[0].name").isEqualTo("副组长甲");
        List<Map<String, Object>> alerts = alertsAs(ISSUER.school(EAST, OWN, Role.CLERK).bearer(), records.petitionId());
        assertThat(alerts).filteredOn(a -> records.requestAlert().equals(a.get("alertId"))).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("acknowledgedBy")).isEqualTo(OWN + "-leader");
                    assertThat(a.get("acknowledgedRole")).isEqualTo("LEADER");
                });
    }

    static Stream<Arguments> untrustedTokens() {
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("expired", ISSUER.school(EAST, OWN, Role.CLERK).expired().bearer()),
                Arguments.of("without expiry", ISSUER.school(EAST, OWN, Role.CLERK).withoutExpiry().bearer()),
                Arguments.of("good for a week", ISSUER.school(EAST, OWN, Role.CLERK).lifetime(java.time.Duration.ofDays(7)).bearer()),
                Arguments.of("signed by a stranger", ISSUER.school(EAST, OWN, Role.CLERK).signedByStranger().bearer()),
                Arguments.of("alg none", ISSUER.school(EAST, OWN, Role.CLERK).unsigned().bearer()),
                Arguments.of("another audience", ISSUER.school(EAST, OWN, Role.CLERK).audience("other-api").bearer()),
                Arguments.of("another issuer", ISSUER.school(EAST, OWN, Role.CLERK)
                        .issuer("https://id.elsewhere.example").bearer()),
                Arguments.of("no district", ISSUER.school(EAST, OWN, Role.CLERK).without(TokenClaims.DISTRICT).bearer()),
                Arguments.of("no school", ISSUER.school(EAST, OWN, Role.LEADER).without(TokenClaims.SCHOOL).bearer()),
                Arguments.of("no roles", ISSUER.school(EAST, OWN, Role.CLERK).without(TokenClaims.ROLES).bearer()),
                Arguments.of("handler without department", ISSUER.school(EAST, OWN, Role.DEPARTMENT_HANDLER).bearer()),
                Arguments.of("tenant with a dollar", ISSUER.school(EAST, OWN, Role.CLERK)
                        .claim(TokenClaims.SCHOOL, "$where").bearer()),
                Arguments.of("not a JWT", "Bearer not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustedTokens")
    void aTokenThatCannotBeTrustedIsA401Problem(String why, String authorization) {
        Records records = ownByRole.get(Role.CLERK);
        for (var request : List.of(web.get().uri("/api/v1/incidents/{id}", records.incidentId()),
                web.get().uri("/api/v1/alerts?petitionId={id}", records.petitionId()),
                web.get().uri("/api/v1/contacts?school={s}", OWN))) {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.header("X-District", EAST).header("X-School", OWN).header("X-Role", "LEADER")
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge).startsWith("Bearer"))
                    .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized")
                    .jsonPath("$.detail").isNotEmpty();
        }
    }

    @Test
    void aMissingTenantClaimIsNamedInTheChallenge() {
        web.get().uri("/api/v1/incidents/x")
                .header("Authorization", ISSUER.district(EAST, Role.BUREAU_ANALYST).without(TokenClaims.DISTRICT).bearer())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"invalid_token\"").contains("district"));
    }

    static Stream<Arguments> injectedContactBodies() {
        String fine = "\"role\":\"LEADER\",\"email\":\"x@school.test\"";
        return Stream.of(
                Arguments.of("operator as a value", "{" + fine + ",\"name\":{\"$gt\":\"\"}}", "name"),
                Arguments.of("$where as a value", "{\"role\":{\"$where\":\"sleep(1000)\"},\"name\":\"x\",\"email\":\"x@school.test\"}", "role"),
                Arguments.of("dollar key", "{" + fine + ",\"name\":\"x\",\"$where\":\"this.a\"}", "$where"),
                Arguments.of("dotted key", "{" + fine + ",\"name\":\"x\",\"a.b\":\"c\"}", "a.b"),
                Arguments.of("operator in a nested key", "{" + fine + ",\"name\":\"x\",\"active\":{\"$ne\":false}}", "active"),
                Arguments.of("oversized name", "{" + fine + ",\"name\":\"" + "长".repeat(101) + "\"}", "name"),
                Arguments.of("oversized url", "{\"role\":\"LEADER\",\"name\":\"x\",\"webhookUrl\":\"http://x.test/"
                        + "a".repeat(600) + "\"}", "webhookUrl"),
                Arguments.of("cloud metadata address", "{\"role\":\"LEADER\",\"name\":\"x\","
                        + "\"webhookUrl\":\"http://169.254.169.254/latest/meta-data\"}", "webhookUrl"),
                Arguments.of("private network", "{\"role\":\"LEADER\",\"name\":\"x\","
                        + "\"webhookUrl\":\"http://10.0.0.7:8083/api/v1/alerts\"}", "webhookUrl"),
                Arguments.of("unique-local IPv6", "{\"role\":\"LEADER\",\"name\":\"x\","
                        + "\"webhookUrl\":\"http://[fd00::1]/h\"}", "webhookUrl"),
                Arguments.of("department with a dollar", "{\"role\":\"DEPARTMENT\",\"department\":\"$gt\",\"name\":\"x\","
                        + "\"email\":\"x@school.test\"}", "department"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectedContactBodies")
    void injectedContactBodiesAre400AndStoreNothing(String why, String body, String field) {
        String id = "c-inject-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = ISSUER.district(EAST, Role.ADMINISTRATOR).bearer();
        web.put().uri("/api/v1/contacts/{id}?school={s}", id, OWN).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        web.get().uri("/api/v1/contacts/{id}?school={s}", id, OWN).header("Authorization", admin)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidUtf8InAContactIs400AndStoresNothing() {
        String admin = ISSUER.district(EAST, Role.ADMINISTRATOR).bearer();
        byte[] prefix = "{\"role\":\"LEADER\",\"email\":\"x@school.test\",\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        web.put().uri("/api/v1/contacts/c-utf8?school={s}", OWN).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/contacts/c-utf8?school={s}", OWN).header("Authorization", admin)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void injectedTimelineAndDecisionBodiesAre400AndRecordNothing() {
        Records records = ownByRole.get(Role.CLERK);
        String clerk = ISSUER.school(EAST, OWN, Role.CLERK).bearer();
        int before = timelineLength(records.incidentId());
        byte[] badUtf8 = "{\"action\":\"ARRIVED\",\"note\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> bodies = List.of(
                "{\"action\":\"ARRIVED\",\"note\":{\"$gt\":\"\"}}".getBytes(StandardCharsets.UTF_8),
                "{\"action\":{\"$ne\":null}}".getBytes(StandardCharsets.UTF_8),
                "{\"action\":\"ARRIVED\",\"$set\":{\"timeline\":[]}}".getBytes(StandardCharsets.UTF_8),
                "{\"action\":\"ARRIVED\",\"timeline.0.by\":\"someone\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"action\":\"ARRIVED\",\"note\":\"" + "长".repeat(501) + "\"}").getBytes(StandardCharsets.UTF_8),
                badUtf8);
        for (byte[] body : bodies) {
            web.post().uri("/api/v1/incidents/{id}/timeline", records.incidentId()).header("Authorization", clerk)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isNotEmpty();
        }
        web.post().uri("/api/v1/incidents/{id}/activation", records.incidentId())
                .header("Authorization", ISSUER.school(EAST, OWN, Role.LEADER).bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"approved\":{\"$gt\":\"\"}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("approved");
        assertThat(timelineLength(records.incidentId())).isEqualTo(before);
    }

    private int timelineLength(String incidentId) {
        Map<String, Object> incident = web.get().uri("/api/v1/incidents/{id}", incidentId)
                .header("Authorization", ISSUER.school(EAST, OWN, Role.CLERK).bearer()).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return ((List<?>) incident.get("timeline")).size();
    }

    @Test
    void theOpenApiDocumentIsServedWithoutATokenAndDescribesTheBearerScheme() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.paths['/api/v1/alerts/{alertId}/ack']").exists()
                // The caller comes from the token: the only parameter is the id.
                .jsonPath("$.paths['/api/v1/incidents/{incidentId}'].get.parameters.length()").isEqualTo(1);
    }
}
