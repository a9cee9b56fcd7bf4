package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Petition numbers people can say on the phone: the school's short name, the district's year and a sequence drawn
 * atomically, unique under concurrent registration, kept by a repeated request, carried by the received event with
 * the school's name, and searchable.
 */
@IntakeServiceTest
class PetitionNumberIT {

    private static final Pattern NUMBER = Pattern.compile("(.+)〔(\\d{4})〕(\\d+)号");

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient http;

    @Test
    void clerksRegisteringAtOnceNeverShareANumber() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<String> numbers = Flux.range(0, 12).flatMap(i -> Flux.defer(() -> Flux.just(register(null,
                IntakeTestSupport.SCHOOL).get("number").asString())), 12).collectList().block(Duration.ofSeconds(60));
        assertThat(numbers).hasSize(12).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).startsWith("东区一小〔" + year + "〕").endsWith("号"));
    }

    @Test
    void aRepeatedRequestKeepsItsNumberAndDrawsNone() {
        String key = "number-" + UUID.randomUUID();
        JsonNode first = register(key, IntakeTestSupport.SCHOOL);
        JsonNode repeat = register(key, IntakeTestSupport.SCHOOL);
        JsonNode next = register(null, IntakeTestSupport.SCHOOL);
        assertThat(repeat.get("number").asString()).isEqualTo(first.get("number").asString());
        assertThat(sequence(next)).as("the repeat left no gap").isEqualTo(sequence(first) + 1);
    }

    @Test
    void eachSchoolNumbersItsOwnAndTheEventNamesTheSchool() {
        JsonNode other = register(null, IntakeTestSupport.OTHER_SCHOOL);
        assertThat(other.get("number").asString()).startsWith("东区二中〔");
        String id = other.get("id").asString();
        PetitionReceived received = tap.awaitOne(Topics.PETITION_RECEIVED,
                e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(20));
        assertThat(received.number()).isEqualTo(other.get("number").asString());
        assertThat(received.schoolName()).isEqualTo("东区第二中学");
    }

    @Test
    void aPetitionIsFoundByItsNumberWithinItsSchoolOnly() {
        JsonNode petition = register(null, IntakeTestSupport.SCHOOL);
        String number = petition.get("number").asString();
        JsonNode page = list(IntakeTestSupport.SCHOOL, number).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        Set<String> ids = ids(page);
        assertThat(ids).containsExactly(petition.get("id").asString());
        assertThat(ids(list(IntakeTestSupport.OTHER_SCHOOL, number).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody())).isEmpty();
        list(IntakeTestSupport.SCHOOL, "17号").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("number");
    }

    private static long sequence(JsonNode petition) {
        Matcher m = NUMBER.matcher(petition.get("number").asString());
        assertThat(m.matches()).as(petition.get("number").asString()).isTrue();
        return Long.parseLong(m.group(3));
    }

    private static Set<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).collect(Collectors.toSet());
    }

    private WebTestClient.ResponseSpec list(String school, String number) {
        return http.get().uri(b -> b.path("/api/v1/petitions").queryParam("number", "{n}").build(number))
                .header("Authorization", IntakeTestSupport.bearer(school, Role.CLERK)).exchange();
    }

    private JsonNode register(String key, String school) {
        return http.post().uri("/api/v1/petitions")
                .headers(h -> {
                    h.set("Authorization", IntakeTestSupport.bearer(school, Role.CLERK));
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
