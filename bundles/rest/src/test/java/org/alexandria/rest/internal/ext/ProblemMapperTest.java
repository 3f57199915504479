package org.alexandria.rest.internal.ext;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.ProcessingException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.rest.internal.resources.TokensResource;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private static final String PATH = "/api/v1/tokens";

    enum Priority { LOW, HIGH }

    /** A small DTO with an enum, as a plugin would declare one. */
    record Ticket(@JsonProperty(value = "title", required = true) String title, Priority priority,
            List<Priority> history) {
    }

    /** Reads the body the way the JSON provider does (a byte stream) and maps what Jackson throws. */
    private static Problem problemReading(byte[] body, Class<?> type) {
        Throwable thrown = catchThrowable(
                () -> JsonProvider.mapper().readerFor(type).readValue(new ByteArrayInputStream(body)));
        assertThat(thrown).as("reading %s must fail", new String(body, UTF_8))
                .isInstanceOf(JsonProcessingException.class);
        Problem problem = ProblemMapper.problemFor(thrown, PATH);
        assertThat(problem.instance()).isEqualTo(PATH);
        assertClean(problem);
        return problem;
    }

    private static Problem problemReading(String body, Class<?> type) {
        return problemReading(body.getBytes(UTF_8), type);
    }

    private static Problem problemReading(String body) {
        return problemReading(body, TokensResource.NewToken.class);
    }

    /** No stack trace, no exception class names, no Jackson or platform class names. */
    private static void assertClean(Problem problem) {
        assertThat(problem.detail()).isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("com.fasterxml")
                .doesNotContain("org.alexandria")
                .doesNotContain("DeserializationFeature");
    }

    private static String type(String slug) {
        return "urn:alexandria:problem:" + slug;
    }

    @Test
    void validBodyIsReadSoTheBadOnesBelowFailForTheirOwnReason() throws IOException {
        TokensResource.NewToken token = JsonProvider.mapper()
                .readValue("{\"name\":\"ci\",\"roles\":[\"admin\"]}", TokensResource.NewToken.class);
        assertThat(token.name()).isEqualTo("ci");
        assertThat(token.roles()).containsExactly("admin");
    }

    @Test
    void malformedJson() {
        Problem problem = problemReading("{\"name\": , \"roles\": []}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("malformed-json"));
        assertThat(problem.title()).isEqualTo("Malformed JSON");
        assertThat(problem.detail()).contains("Unexpected character", "line 1, column 10");
    }

    @Test
    void truncatedJson() {
        Problem problem = problemReading("{\"name\":\"ci\",\"roles\":[\"admin\"]");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("malformed-json"));
        assertThat(problem.detail()).contains("end-of-input");
    }

    @Test
    void truncatedInsideAValueIsMalformedEvenThoughJacksonWrapsIt() {
        Problem problem = problemReading("{\"name\":\"c");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("malformed-json"));
        assertThat(problem.detail()).contains("end-of-input");
    }

    @Test
    void numberWhereTextIsExpectedIsRefusedNotCoerced() {
        Problem problem = problemReading("{\"name\": 42, \"roles\": [\"admin\"]}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("wrong-type"));
        assertThat(problem.detail()).contains("42", "$.name");
    }

    @Test
    void numberInsideATextArrayIsRefusedWithItsIndex() {
        Problem problem = problemReading("{\"name\": \"ci\", \"roles\": [7]}");
        assertThat(problem.type()).isEqualTo(type("wrong-type"));
        assertThat(problem.detail()).contains("$.roles[0]");
    }

    @Test
    void booleanAndFloatWhereTextIsExpectedAreRefused() {
        assertThat(problemReading("{\"name\": true, \"roles\": []}").type()).isEqualTo(type("wrong-type"));
        assertThat(problemReading("{\"name\": 1.5, \"roles\": []}").type()).isEqualTo(type("wrong-type"));
    }

    @Test
    void objectWhereArrayIsExpected() {
        Problem problem = problemReading("{\"name\": \"ci\", \"roles\": {\"admin\": true}}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("wrong-type"));
        assertThat(problem.detail()).contains("$.roles");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        Problem problem = problemReading("{\"title\": \"printer\", \"priority\": \"URGENT\"}", Ticket.class);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("invalid-value"));
        assertThat(problem.detail()).contains("'URGENT'", "$.priority", "LOW, HIGH");
    }

    @Test
    void enumGivenAsNumberIsRefused() {
        Problem problem = problemReading("{\"title\": \"printer\", \"priority\": 1}", Ticket.class);
        assertThat(problem.type()).isEqualTo(type("invalid-value"));
        assertThat(problem.detail()).contains("LOW, HIGH");
    }

    @Test
    void unknownEnumValueInsideAnArrayNamesItsIndex() {
        Problem problem = problemReading("{\"title\": \"printer\", \"history\": [\"LOW\", \"NOPE\"]}", Ticket.class);
        assertThat(problem.type()).isEqualTo(type("invalid-value"));
        assertThat(problem.detail()).contains("'NOPE'", "$.history[1]");
    }

    @Test
    void missingRequiredField() {
        Problem problem = problemReading("{\"name\": \"ci\"}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("missing-field"));
        assertThat(problem.detail()).contains("'roles'");
    }

    @Test
    void missingRequiredFieldOfARecordWithAnEnum() {
        Problem problem = problemReading("{\"priority\": \"LOW\"}", Ticket.class);
        assertThat(problem.type()).isEqualTo(type("missing-field"));
        assertThat(problem.detail()).contains("'title'");
    }

    @Test
    void unknownFieldNamesItAndTheKnownOnes() {
        Problem problem = problemReading("{\"name\": \"ci\", \"roles\": [], \"role\": \"admin\"}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("unknown-field"));
        assertThat(problem.detail()).contains("'role'", "name", "roles");
    }

    @Test
    void trailingGarbageThatIsNotAToken() {
        Problem problem = problemReading("{\"name\": \"ci\", \"roles\": []} x");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("malformed-json"));
        assertThat(problem.detail()).contains("'x'");
    }

    @Test
    void trailingSecondDocumentIsMalformedNotAWrongType() {
        Problem problem = problemReading("{\"name\": \"ci\", \"roles\": []} {}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("malformed-json"));
        assertThat(problem.detail()).contains("after the end of the JSON document");
    }

    @Test
    void invalidUtf8InAnIgnoredPosition() {
        Problem problem = problemReading(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                TokensResource.NewToken.class);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("invalid-encoding"));
        assertThat(problem.detail()).contains("UTF-8");
    }

    @Test
    void invalidUtf8InsideAFieldValueThatJacksonWraps() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'};
        Problem problem = problemReading(body, TokensResource.NewToken.class);
        assertThat(problem.type()).isEqualTo(type("invalid-encoding"));
        assertThat(problem.detail()).contains("UTF-8");
    }

    @Test
    void aTokenThatMerelyMentionsUtfIsMalformedJsonNotAnEncodingProblem() {
        Problem problem = problemReading("{\"name\": UTF8, \"roles\": []}");
        assertThat(problem.type()).isEqualTo(type("malformed-json"));
    }

    @Test
    void problemExceptionKeepsItsStatusTypeTitleAndDetail() {
        Problem problem = ProblemMapper.problemFor(new ProblemException(409, "conflict", "Conflict", "already there"), PATH);
        assertThat(problem).isEqualTo(new Problem(type("conflict"), "Conflict", 409, "already there", PATH));
    }

    @Test
    void problemExceptionWrappedByTheRuntimeIsStillFound() {
        Problem problem = ProblemMapper.problemFor(new ProcessingException(ProblemException.notFound("No plugin 'x'")), PATH);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(type("not-found"));
        assertThat(problem.detail()).isEqualTo("No plugin 'x'");
    }

    @Test
    void routingNotFound() {
        Problem problem = ProblemMapper.problemFor(new NotFoundException(), "/api/v1/nope");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(type("not-found"));
        assertThat(problem.instance()).isEqualTo("/api/v1/nope");
    }

    @Test
    void methodNotAllowedListsTheAllowedMethods() {
        Problem problem = ProblemMapper.problemFor(new NotAllowedException("GET", new String[] {"POST"}), PATH);
        assertThat(problem.status()).isEqualTo(405);
        assertThat(problem.type()).isEqualTo(type("method-not-allowed"));
        assertThat(problem.detail()).contains("GET", "POST");
    }

    @Test
    void unsupportedMediaType() {
        Problem problem = ProblemMapper.problemFor(new NotSupportedException(), PATH);
        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.type()).isEqualTo(type("unsupported-media-type"));
        assertThat(problem.detail()).contains("application/json");
    }

    @Test
    void bareWebApplicationExceptionIsMappedByItsStatus() {
        // CXF answers an unsupported Content-Type with a plain WebApplicationException(415)
        Problem problem = ProblemMapper.problemFor(new javax.ws.rs.WebApplicationException(415), PATH);
        assertThat(problem.type()).isEqualTo(type("unsupported-media-type"));
        assertThat(ProblemMapper.problemFor(new javax.ws.rs.WebApplicationException(404), PATH).type())
                .isEqualTo(type("not-found"));
    }

    @Test
    void illegalArgumentIsAValidationProblemWithItsMessage() {
        Problem problem = ProblemMapper.problemFor(new IllegalArgumentException("a token needs at least one role"), PATH);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type("validation"));
        assertThat(problem.detail()).isEqualTo("a token needs at least one role");
    }

    @Test
    void bodyTooLargeWrappedInAnotherExceptionIs413() {
        Problem problem = ProblemMapper.problemFor(new BadRequestException(new BodyTooLargeException(1024)), PATH);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.type()).isEqualTo(type("payload-too-large"));
        assertThat(problem.detail()).contains("1024");
    }

    @Test
    void bodyTooLargeWinsOverTheJsonErrorItCaused() {
        JsonProcessingException json = new JsonProcessingException("while reading", new BodyTooLargeException(10)) { };
        assertThat(ProblemMapper.problemFor(new UncheckedIOException(json), PATH).status()).isEqualTo(413);
    }

    @Test
    void unexpectedFailureIs500WithIncidentIdButWithoutItsMessage() {
        Problem problem = ProblemMapper.problemFor(new IllegalStateException("db password is hunter2"), PATH);
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(type("internal"));
        assertThat(problem.title()).isEqualTo("Internal error");
        assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("IllegalState")
                .containsPattern("incident id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void eachIncidentGetsItsOwnId() {
        String first = ProblemMapper.problemFor(new RuntimeException("x"), PATH).detail();
        String second = ProblemMapper.problemFor(new RuntimeException("x"), PATH).detail();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aResponseThatCannotBeSerializedIsTheServersFault() {
        Throwable thrown = catchThrowable(() -> JsonProvider.mapper().writeValueAsString(new Object()));
        assertThat(thrown).isInstanceOf(JsonProcessingException.class);
        Problem problem = ProblemMapper.problemFor(thrown, PATH);
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(type("internal"));
        assertThat(problem.detail()).doesNotContain("serializer");
    }

    @Test
    void toResponseCarriesTheProblemAsProblemJson() {
        ProblemMapper mapper = new ProblemMapper();
        Response response = mapper.toResponse(ProblemException.badRequest("limit must be between 1 and 1000"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getMediaType().isCompatible(MediaType.valueOf(Problem.MEDIA_TYPE))).isTrue();
        assertThat(response.getEntity()).isEqualTo(
                new Problem(type("validation"), "Invalid request", 400, "limit must be between 1 and 1000", null));
    }

    @Test
    void problemJsonOmitsNullFields() throws IOException {
        String json = JsonProvider.mapper().writeValueAsString(Problem.of(404, "not-found", "Not found", null, null));
        assertThat(json).isEqualTo("{\"type\":\"urn:alexandria:problem:not-found\",\"title\":\"Not found\",\"status\":404}");
    }
}
