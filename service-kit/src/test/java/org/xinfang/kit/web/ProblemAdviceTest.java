package org.xinfang.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Every error a handler meets leaves as one problem shape, with the field and reason where there is one, a URN type,
 * the request id, and never a stack trace or a parser's class names; the request id is taken or made on every answer.
 */
class ProblemAdviceTest {

    enum Form { INDIVIDUAL, GROUP }

    record Visit(String place, int headcount, Form form) {
    }

    @RestController
    static class Desk {

        @GetMapping("/refused")
        Mono<String> refused() {
            return Mono.error(ApiProblem.invalid("headcount", "must be at least 1"));
        }

        @GetMapping("/broken")
        Mono<String> broken() {
            return Mono.error(new IllegalStateException("secret internal detail at com.example.Thing"));
        }

        @PostMapping("/visits")
        Mono<String> register(@RequestBody Visit visit) {
            return Mono.just(visit.place());
        }
    }

    private final WebTestClient web = WebTestClient.bindToController(new Desk())
            .controllerAdvice(new ProblemAdvice())
            .webFilter(new RequestIdFilter())
            .httpMessageCodecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256))
            .build();

    @Test
    void aRefusalNamesItsFieldAndReason() {
        web.get().uri("/refused").header(RequestIdFilter.HEADER, "req-42").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(RequestIdFilter.HEADER, "req-42")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:xinfang:problem:invalid-request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.instance").isEqualTo("/refused")
                .jsonPath("$.requestId").isEqualTo("req-42")
                .jsonPath("$.errors[0].field").isEqualTo("headcount")
                .jsonPath("$.errors[0].reason").isEqualTo("must be at least 1");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldWithoutTheParsersWords() {
        String body = new String(web.post().uri("/visits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"place\":\"校门口\",\"headcount\":{\"$gt\":0}}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("headcount")
                .jsonPath("$.errors[0].reason").isEqualTo("has the wrong type or format")
                .returnResult().getResponseBodyContent());
        assertThat(body).doesNotContain("java.", "tools.jackson", "Exception");
    }

    @Test
    void aValueOutsideAnEnumNamesTheField() {
        web.post().uri("/visits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"place\":\"校门口\",\"headcount\":3,\"form\":\"CROWD\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("form");
    }

    @Test
    void bodyThatIsNotJsonIsRefusedAsSuch() {
        web.post().uri("/visits").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"place\":").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        web.post().uri("/visits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"place\":\"" + "门".repeat(300) + "\",\"headcount\":1}").exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:xinfang:problem:too-large");
    }

    @Test
    void anUnexpectedFailureIs500WithTheRequestIdAndNothingOfTheFailure() {
        String body = new String(web.get().uri("/broken").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo("urn:xinfang:problem:internal-error")
                .jsonPath("$.requestId").isNotEmpty()
                .returnResult().getResponseBodyContent());
        assertThat(body).doesNotContain("secret", "IllegalStateException", "at com.");
    }

    @Test
    void aMethodTheEndpointDoesNotOfferIsAProblemToo() {
        web.delete().uri("/refused").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aHostileOrOverlongRequestIdIsReplaced() {
        for (String given : new String[] {"a b", "x\u2028y", "<script>", "a".repeat(101)}) {
            String answered = web.get().uri("/refused").header(RequestIdFilter.HEADER, given).exchange()
                    .returnResult(String.class).getResponseHeaders().getFirst(RequestIdFilter.HEADER);
            assertThat(answered).as(given).isNotEqualTo(given).matches("[0-9a-f-]{36}");
        }
        assertThat(RequestIdFilter.acceptable("a".repeat(100))).isTrue();
    }
}
