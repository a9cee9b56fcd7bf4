package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/**
 * docs/access.md for intake's families, {@code petitions} and {@code visits}: every role, always a user of d-east's
 * school s-east-01 (or of d-east for district roles), against records of its own school, of another school of its
 * district and of a school of d-west, with the exact status the matrix gives; and every kind of bad token, 401.
 */
@IntakeServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String OTHER_DEPARTMENT = "GENERAL_OFFICE";
    private static final String VISIT = """
            {"kind":"VISIT","visitorName":"王某","phone":"13800000000","headcount":12,"purpose":"反映食堂卫生问题"}""";

    enum Tenant {
        OWN(IntakeTestSupport.DISTRICT, IntakeTestSupport.SCHOOL),
        OTHER_SCHOOL(IntakeTestSupport.DISTRICT, IntakeTestSupport.OTHER_SCHOOL),
        OTHER_DISTRICT(IntakeTestSupport.WEST, IntakeTestSupport.WEST_SCHOOL);

        final String district;
        final String school;

        Tenant(String district, String school) {
            this.district = district;
            this.school = school;
        }
    }

    @Autowired
    WebTestClient http;

    private TopicTap tap;
    /** Per tenant: a petition routed to the handler's department, read by everyone. */
    private final Map<Tenant, String> routed = new EnumMap<>(Tenant.class);
    /** Per tenant: a gate-register visit. */
    private final Map<Tenant, String> visits = new EnumMap<>(Tenant.class);
    /** In the own school, one petition per role for that role to try to accept, so one success cannot hide another. */
    private final Map<Role, String> toAccept = new EnumMap<>(Role.class);
    /** Per foreign tenant: a petition nobody here may accept. */
    private final Map<Tenant, String> foreignToAccept = new EnumMap<>(Tenant.class);
    private String routedElsewhere;
    private String unrouted;

    @BeforeAll
    void fixtures() {
        tap = Infrastructure.shared().tap();
        List<String> awaiting = new ArrayList<>();
        for (Tenant tenant : Tenant.values()) {
            routed.put(tenant, routedPetition(tenant, IntakeTestSupport.DEPARTMENT, awaiting));
            visits.put(tenant, logVisit(tenant));
            if (tenant != Tenant.OWN) {
                foreignToAccept.put(tenant, routedPetition(tenant, IntakeTestSupport.DEPARTMENT, awaiting));
            }
        }
        for (Role role : Role.values()) {
            toAccept.put(role, routedPetition(Tenant.OWN, IntakeTestSupport.DEPARTMENT, awaiting));
        }
        routedElsewhere = routedPetition(Tenant.OWN, OTHER_DEPARTMENT, awaiting);
        unrouted = register(Tenant.OWN);
        IntakeTestSupport.await("every fixture petition routed", Duration.ofSeconds(30), () -> awaiting.stream()
                .allMatch(entry -> "ROUTED".equals(stateOf(entry))));
    }

    @AfterAll
    void closeTap() {
        tap.close();
    }

    // --- petitions ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Role.class)
    void registeringAPetition(Role role) {
        WebTestClient.ResponseSpec answer = http.post().uri("/api/v1/petitions").header("Authorization", own(role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION).exchange();
        if (!staff(role)) {
            forbidden(answer);
            return;
        }
        answer.expectStatus().isCreated().expectBody()
                .jsonPath("$.district").isEqualTo(IntakeTestSupport.DISTRICT)
                .jsonPath("$.school").isEqualTo(IntakeTestSupport.SCHOOL)
                .jsonPath("$.history[0].actorRole").isEqualTo(role.name())
                .jsonPath("$.history[0].actorId").isEqualTo(IntakeTestSupport.subjectOf(IntakeTestSupport.SCHOOL, role));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void readingAPetition(Role role) {
        for (Tenant tenant : Tenant.values()) {
            WebTestClient.ResponseSpec answer = read(role, routed.get(tenant));
            if (role.scope() == Role.Scope.DISTRICT) {
                forbidden(answer);
            } else if (tenant != Tenant.OWN) {
                notFound(answer);
            } else if (staff(role)) {
                answer.expectStatus().isOk().expectBody()
                        .jsonPath("$.id").isEqualTo(routed.get(tenant))
                        .jsonPath("$.petitioners[0].name").isEqualTo("王某");
            } else {
                answer.expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                        .as("a department never learns who petitioned").doesNotContain("王某").doesNotContain("13800000000")
                        .doesNotContain("\"petitioners\""));
            }
        }
        // The own school's petitions that are not the handler's department's: not found for the handler only.
        for (String id : List.of(routedElsewhere, unrouted)) {
            WebTestClient.ResponseSpec answer = read(role, id);
            if (role.scope() == Role.Scope.DISTRICT) {
                forbidden(answer);
            } else if (staff(role)) {
                answer.expectStatus().isOk();
            } else {
                notFound(answer);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void listingPetitions(Role role) {
        WebTestClient.ResponseSpec answer = http.get().uri("/api/v1/petitions?limit=100").header("Authorization", own(role))
                .exchange();
        if (role.scope() == Role.Scope.DISTRICT) {
            forbidden(answer);
            return;
        }
        JsonNode items = answer.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(routed.get(Tenant.OWN))
                .doesNotContain(routed.get(Tenant.OTHER_SCHOOL), routed.get(Tenant.OTHER_DISTRICT));
        if (staff(role)) {
            assertThat(ids).contains(routedElsewhere, unrouted);
        } else {
            assertThat(ids).doesNotContain(routedElsewhere, unrouted);
        }
        assertThat(items.toString()).as("lists carry no identity").doesNotContain("王某");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void openingADepartmentsInbox(Role role) {
        WebTestClient.ResponseSpec mine = http.get().uri("/api/v1/departments/{d}/inbox", IntakeTestSupport.DEPARTMENT)
                .header("Authorization", own(role)).exchange();
        WebTestClient.ResponseSpec another = http.get().uri("/api/v1/departments/{d}/inbox", OTHER_DEPARTMENT)
                .header("Authorization", own(role)).exchange();
        if (role.scope() == Role.Scope.DISTRICT) {
            forbidden(mine);
            forbidden(another);
            return;
        }
        mine.expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + routed.get(Tenant.OWN) + "')]").exists()
                .jsonPath("$.items[?(@.id == '" + routed.get(Tenant.OTHER_SCHOOL) + "')]").doesNotExist();
        if (staff(role)) {
            another.expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(routedElsewhere);
        } else {
            notFound(another);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void acceptingAPetition(Role role) {
        WebTestClient.ResponseSpec answer = accept(role, toAccept.get(role));
        if (role.scope() == Role.Scope.DISTRICT || role == Role.CLERK) {
            forbidden(answer);
        } else {
            answer.expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACCEPTED")
                    .jsonPath("$.history[2].actorRole").isEqualTo(role.name());
        }
        for (Tenant tenant : List.of(Tenant.OTHER_SCHOOL, Tenant.OTHER_DISTRICT)) {
            WebTestClient.ResponseSpec foreign = accept(role, foreignToAccept.get(tenant));
            if (role.scope() == Role.Scope.DISTRICT) {
                forbidden(foreign);
            } else {
                notFound(foreign);
            }
        }
        if (role == Role.DEPARTMENT_HANDLER) {
            notFound(accept(role, routedElsewhere));
        }
    }

    // --- visits ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Role.class)
    void loggingAVisit(Role role) {
        WebTestClient.ResponseSpec answer = http.post().uri("/api/v1/visits").header("Authorization", own(role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VISIT).exchange();
        if (!staff(role)) {
            forbidden(answer);
            return;
        }
        answer.expectStatus().isCreated().expectBody()
                .jsonPath("$.loggedBy").isEqualTo(IntakeTestSupport.subjectOf(IntakeTestSupport.SCHOOL, role));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void readingVisits(Role role) {
        WebTestClient.ResponseSpec day = http.get().uri("/api/v1/visits").header("Authorization", own(role)).exchange();
        if (staff(role)) {
            day.expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.id == '" + visits.get(Tenant.OWN) + "')]").exists()
                    .jsonPath("$[?(@.id == '" + visits.get(Tenant.OTHER_SCHOOL) + "')]").doesNotExist()
                    .jsonPath("$[?(@.id == '" + visits.get(Tenant.OTHER_DISTRICT) + "')]").doesNotExist();
        } else {
            forbidden(day);
        }
        for (Tenant tenant : Tenant.values()) {
            WebTestClient.ResponseSpec answer = http.get().uri("/api/v1/visits/{id}", visits.get(tenant))
                    .header("Authorization", own(role)).exchange();
            if (!staff(role)) {
                forbidden(answer);
            } else if (tenant == Tenant.OWN) {
                answer.expectStatus().isOk().expectBody().jsonPath("$.visitorName").isEqualTo("王某");
            } else {
                notFound(answer);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void turningAVisitIntoAPetition(Role role) {
        for (Tenant tenant : Tenant.values()) {
            WebTestClient.ResponseSpec answer = http.post().uri("/api/v1/visits/{id}/petition", visits.get(tenant))
                    .header("Authorization", own(role)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(IntakeTestSupport.GROUP_PETITION).exchange();
            if (!staff(role)) {
                forbidden(answer);
            } else if (tenant == Tenant.OWN) {
                // The first staff member makes it, the others get the same petition back.
                answer.expectStatus().isCreated().expectBody().jsonPath("$.school").isEqualTo(IntakeTestSupport.SCHOOL);
            } else {
                notFound(answer);
            }
        }
    }

    // --- tokens ------------------------------------------------------------------------------------------------

    static Stream<Arguments> badTokens() {
        String district = IntakeTestSupport.DISTRICT;
        String school = IntakeTestSupport.SCHOOL;
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("expired", ISSUER.school(district, school, Role.CLERK).expired().bearer()),
                Arguments.of("without expiry", ISSUER.school(district, school, Role.CLERK).withoutExpiry().bearer()),
                Arguments.of("good for a week", ISSUER.school(district, school, Role.CLERK).lifetime(java.time.Duration.ofDays(7)).bearer()),
                Arguments.of("signed by a stranger's key", ISSUER.school(district, school, Role.CLERK).signedByStranger().bearer()),
                Arguments.of("alg none", ISSUER.school(district, school, Role.CLERK).unsigned().bearer()),
                Arguments.of("for another audience", ISSUER.school(district, school, Role.CLERK).audience("other").bearer()),
                Arguments.of("from another issuer", ISSUER.school(district, school, Role.CLERK)
                        .issuer("https://id.elsewhere.example").bearer()),
                Arguments.of("without district", ISSUER.school(district, school, Role.CLERK).without(TokenClaims.DISTRICT).bearer()),
                Arguments.of("without school", ISSUER.school(district, school, Role.CLERK).without(TokenClaims.SCHOOL).bearer()),
                Arguments.of("without roles", ISSUER.school(district, school, Role.CLERK).without(TokenClaims.ROLES).bearer()),
                Arguments.of("with no role", ISSUER.school(district, school, Role.CLERK).claim(TokenClaims.ROLES, List.of())
                        .bearer()),
                Arguments.of("a handler without department", ISSUER.school(district, school, Role.DEPARTMENT_HANDLER).bearer()),
                Arguments.of("school and district roles mixed", ISSUER.school(district, school, Role.CLERK)
                        .roles(Role.CLERK, Role.BUREAU_ANALYST).bearer()),
                Arguments.of("a bureau role naming a school", ISSUER.district(district, Role.BUREAU_ANALYST)
                        .claim(TokenClaims.SCHOOL, school).bearer()),
                Arguments.of("not a JWT", "Bearer abc.def.ghi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedWith401(String kind, String authorization) {
        for (WebTestClient.RequestHeadersSpec<?> request : List.of(
                http.get().uri("/api/v1/petitions"),
                http.get().uri("/api/v1/petitions/{id}", routed.get(Tenant.OWN)),
                http.post().uri("/api/v1/visits").contentType(MediaType.APPLICATION_JSON).bodyValue(VISIT))) {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value("WWW-Authenticate", challenge -> {
                        assertThat(challenge).startsWith("Bearer");
                        if (authorization != null) {
                            assertThat(challenge).contains("error=\"invalid_token\"");
                        }
                    })
                    .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").exists();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The clerk, leader and deputy keep the school's whole register. */
    private static boolean staff(Role role) {
        return role == Role.CLERK || role == Role.LEADER || role == Role.DEPUTY_LEADER;
    }

    /** A token of {@code role} in the own school (a handler of the routed department), or of d-east for district roles. */
    private static String own(Role role) {
        return IntakeTestSupport.bearer(IntakeTestSupport.DISTRICT, IntakeTestSupport.SCHOOL, role);
    }

    private WebTestClient.ResponseSpec read(Role role, String id) {
        return http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", own(role)).exchange();
    }

    private WebTestClient.ResponseSpec accept(Role role, String id) {
        return http.post().uri("/api/v1/petitions/{id}/actions/accept", id).header("Authorization", own(role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"属实，受理\"}").exchange();
    }

    private static void forbidden(WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    private static void notFound(WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private String register(Tenant tenant) {
        return http.post().uri("/api/v1/petitions")
                .header("Authorization", ISSUER.school(tenant.district, tenant.school, Role.CLERK).bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    /** Registers a petition in the tenant and publishes routing's decision for it; {@code awaiting} collects it. */
    private String routedPetition(Tenant tenant, String department, List<String> awaiting) {
        String id = register(tenant);
        tap.publish(Topics.PETITION_ROUTED, new PetitionRouted(
                EventMeta.forPetition(PetitionRouted.class, tenant.district, tenant.school, id, Instant.now()),
                "received-" + id, Subject.HYGIENE, department, List.of(), EmergencyLevel.ELEVATED, List.of(), "test",
                new Deadlines(Instant.now().plus(Duration.ofDays(15)), 60, 30)));
        awaiting.add(tenant.name() + " " + id);
        return id;
    }

    private String stateOf(String awaited) {
        String[] parts = awaited.split(" ");
        Tenant tenant = Tenant.valueOf(parts[0]);
        JsonNode petition = http.get().uri("/api/v1/petitions/{id}", parts[1])
                .header("Authorization", ISSUER.school(tenant.district, tenant.school, Role.CLERK).bearer())
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        return petition == null || petition.get("state") == null ? null : petition.get("state").asString();
    }

    private String logVisit(Tenant tenant) {
        return http.post().uri("/api/v1/visits")
                .header("Authorization", ISSUER.school(tenant.district, tenant.school, Role.CLERK).bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VISIT)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }
}
