package org.alexandria.rest.internal.ext;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.CharConversionException;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: every exception, from a resource, the JSON reader, the
 * routing or a filter, leaves as {@code application/problem+json} with a stable type. Caller mistakes
 * get a 4xx naming the problem; anything else gets a 500 with an incident id that is also in the log,
 * never a stack trace.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("alexandria.problems")
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    @Nullable UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return problemFor(exception, path()).toResponse();
    }

    private @Nullable String path() {
        try {
            return uriInfo == null ? null : "/" + uriInfo.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Problem problemFor(Throwable exception, @Nullable String path) {
        BodyTooLargeException tooLarge = find(exception, BodyTooLargeException.class);
        if (tooLarge != null) {
            return Problem.of(413, "payload-too-large", "Request body too large", tooLarge.getMessage(), path);
        }
        ProblemException problem = find(exception, ProblemException.class);
        if (problem != null) {
            return Problem.of(problem.status(), problem.type(), problem.title(), problem.getMessage(), path);
        }
        // a parse error that databind wrapped (e.g. end of input inside a value) is still a parse error
        JsonProcessingException json = find(exception, JsonParseException.class);
        if (json == null) {
            json = find(exception, JsonProcessingException.class);
        }
        if (json != null && !serverSide(json)) {
            return jsonProblem(json, path);
        }
        CharConversionException encoding = find(exception, CharConversionException.class);
        if (encoding != null) {
            return Problem.of(400, "invalid-encoding", "Request body is not valid UTF-8", encoding.getMessage(), path);
        }
        // JAX-RS runtimes signal routing failures with the specific subclasses or a bare
        // WebApplicationException carrying the status (CXF does the latter for 415): map by status
        if (exception instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return clientError(wae, path);
        }
        if (exception instanceof IllegalArgumentException) {
            return Problem.of(400, "validation", "Invalid request", exception.getMessage(), path);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unhandled error on {} (incident {})", path, incident, exception);
        return Problem.of(500, "internal", "Internal error",
                "The error was logged with incident id " + incident, path);
    }

    private static Problem clientError(WebApplicationException e, @Nullable String path) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 401 -> Problem.of(401, "unauthorized", "Authentication required", null, path);
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource at this path", path);
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "Allowed: " + String.join(", ", e.getResponse().getAllowedMethods()), path);
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "This resource answers application/json", path);
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json", path);
            default -> Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                    e.getCause() == null ? null : e.getCause().getMessage(), path);
        };
    }

    private static Problem jsonProblem(JsonProcessingException e, @Nullable String path) {
        String message = e.getOriginalMessage();
        if (e instanceof JsonParseException || e.getClass().getSimpleName().equals("JsonEOFException")) {
            if (message != null && message.startsWith("Invalid UTF-8")) {
                return Problem.of(400, "invalid-encoding", "Request body is not valid UTF-8", message, path);
            }
            return Problem.of(400, "malformed-json", "Malformed JSON", message + location(e), path);
        }
        if (message != null && message.startsWith("Trailing token")) {
            return Problem.of(400, "malformed-json", "Malformed JSON",
                    "Unexpected content after the end of the JSON document" + location(e), path);
        }
        String at = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "unknown-field", "Unknown field",
                    "Unknown field '" + unknown.getPropertyName() + "'" + at + "; known fields: "
                            + unknown.getKnownPropertyIds(), path);
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return Problem.of(400, "invalid-value", "Invalid value",
                    "Value '" + invalid.getValue() + "'" + at + " is not one of: " + allowed, path);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return Problem.of(400, "validation", "Invalid request", e.getCause().getMessage() + at, path);
        }
        if (message != null && message.startsWith("Missing required creator property")) {
            return Problem.of(400, "missing-field", "Missing required field", message + at, path);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Problem.of(400, "wrong-type", "Wrong type",
                    "Expected " + jsonKind(mismatch.getTargetType()) + at + found(mismatch), path);
        }
        return Problem.of(400, "invalid-json", "Invalid JSON content", firstLine(message) + at, path);
    }

    private static final Pattern COERCED_VALUE = Pattern.compile("value \\(([^)]{1,80})\\)");

    /** The offending value as Jackson quotes it in its message ("Cannot coerce Integer value (42) ..."), if it does. */
    private static String found(MismatchedInputException e) {
        Matcher m = COERCED_VALUE.matcher(String.valueOf(e.getOriginalMessage()));
        return m.find() ? ", found " + m.group(1) : "";
    }

    /** Names a Java target type the way a JSON client thinks of it. */
    static String jsonKind(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Failures to write a response or of a DTO's definition are the server's fault, not the caller's. */
    private static boolean serverSide(JsonProcessingException e) {
        return e instanceof InvalidDefinitionException || e instanceof JsonGenerationException
                || e.getProcessor() instanceof JsonGenerator;
    }

    private static String pointer(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" at $");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static <T extends Throwable> @Nullable T find(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
