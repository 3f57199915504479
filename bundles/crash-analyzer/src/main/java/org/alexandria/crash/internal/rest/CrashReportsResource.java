package org.alexandria.crash.internal.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.alexandria.api.crash.CrashReport;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/crash-reports}: submit crash reports (agents, managers, admins) as a raw log or as JSON, and read
 * them back (executives too).
 */
@Component(service = CrashReportsResource.class)
@PlatformResource
@Path("/api/v1/crash-reports")
@Produces(MediaType.APPLICATION_JSON)
public final class CrashReportsResource {

    private static final String TEXT_UTF8 = MediaType.TEXT_PLAIN + ";charset=utf-8";
    private static final long JSON_OVERHEAD = 64 * 1024;
    /** As strict as the platform's JSON reader: unknown fields, trailing content and coerced scalars are errors. */
    private static final ObjectMapper STRICT = strictMapper();

    private final CrashAnalyzerService crashes;

    /** @param crashes the crash analyzer */
    @Activate
    public CrashReportsResource(@Reference CrashAnalyzerService crashes) {
        this.crashes = crashes;
    }

    /**
     * Submits a crash report: either a raw crash log ({@code text/plain} or {@code application/octet-stream}) with
     * the metadata in query parameters, or {@code application/json} with content and metadata in the body (query
     * parameters are then refused). Any bytes are accepted as a raw log: what is not text in the declared charset
     * (UTF-8 by default) is replaced, and a body without a recognisable trace is stored as unparsed. One method
     * serves both media types because they are one operation of the API.
     *
     * @return 201 with the receipt
     */
    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    @org.alexandria.api.rest.MaxBodySize(2 * 10L * 1024 * 1024 + JSON_OVERHEAD) // the JSON form of a 10 MiB log
    public Response submit(InputStream body, @Context HttpHeaders headers, @QueryParam("app") @Nullable String app,
            @QueryParam("appVersion") @Nullable String appVersion, @QueryParam("os") @Nullable String os,
            @QueryParam("device") @Nullable String device, @QueryParam("customerId") @Nullable String customerId,
            @QueryParam("occurredAt") @Nullable String occurredAt, @QueryParam("ticketId") @Nullable String ticketId,
            @QueryParam("source") @Nullable String source) throws IOException {
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            if (Stream.of(app, appVersion, os, device, customerId, occurredAt, ticketId, source).anyMatch(p -> p != null)) {
                throw ProblemException.badRequest("with a JSON body, send the metadata in the body, not as query parameters");
            }
            // JSON escapes make the body larger than its content: allow for that, the content itself is checked after
            String json = read(body, StandardCharsets.UTF_8, 2 * crashes.maxContentBytes() + JSON_OVERHEAD);
            return submitJson(STRICT.readValue(json, Bodies.NewCrashReport.class));
        }
        String content = read(body, charset(type), crashes.maxContentBytes());
        return created(new CrashReportSubmission(content, app, appVersion, os, device, customerId, instant(occurredAt),
                ticketId, source == null ? "api" : source));
    }

    private Response submitJson(Bodies.@Nullable NewCrashReport body) {
        if (body == null || body.content() == null) {
            throw ProblemException.badRequest("content is required");
        }
        return created(new CrashReportSubmission(body.content(), body.app(), body.appVersion(), body.os(), body.device(),
                body.customerId(), instant(body.occurredAt()), body.ticketId(), body.source() == null ? "api" : body.source()));
    }

    private Response created(CrashReportSubmission submission) {
        CrashReportReceipt receipt = Problems.sized(() -> crashes.ingest(submission));
        return Response.created(URI.create("/api/v1/crash-reports/" + receipt.reportId())).entity(receipt).build();
    }

    /**
     * @param id the report's id
     * @return the report with its parsed trace
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public CrashReport get(@PathParam("id") String id) {
        return crashes.report(id).orElseThrow(() -> ProblemException.notFound("no crash report " + id));
    }

    /**
     * @param id the report's id
     * @return the raw content as received (NUL and invalid characters replaced)
     */
    @GET
    @Path("{id}/content")
    @Produces(TEXT_UTF8)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public String content(@PathParam("id") String id) {
        return crashes.content(id).orElseThrow(() -> ProblemException.notFound("no crash report " + id));
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static Charset charset(@Nullable MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type", "unknown charset " + name);
        }
    }

    /** Reads at most {@code max} bytes; more is a 413, never a buffer of unbounded size. */
    static String read(InputStream in, Charset charset, long max) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        } catch (IOException e) {
            // keeps the cause: the platform answers its body limit (an IOException of the REST edge) with 413
            ProblemException problem = ProblemException.badRequest("the request body could not be read: " + e.getMessage());
            problem.initCause(e);
            throw problem;
        }
        if (bytes.length > max) {
            throw Problems.tooLarge("crash report content is larger than the limit of " + max + " bytes");
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }

    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("occurredAt must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
