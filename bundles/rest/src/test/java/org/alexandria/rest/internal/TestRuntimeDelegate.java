package org.alexandria.rest.internal;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.Variant;
import javax.ws.rs.ext.RuntimeDelegate;

/**
 * The smallest JAX-RS runtime the unit tests need: {@link Response} building and {@link MediaType}
 * parsing. The real one (CXF) exists only inside Karaf; without any, {@code Response.status(..)} and the
 * constructors of {@code NotFoundException} and friends fail. Call {@link #install()} before using them.
 */
public final class TestRuntimeDelegate extends RuntimeDelegate {

    private static final TestRuntimeDelegate INSTANCE = new TestRuntimeDelegate();

    /** Makes this the JAX-RS runtime of the test JVM (idempotent). */
    public static synchronized void install() {
        RuntimeDelegate.setInstance(INSTANCE);
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        return new Builder();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        if (type == MediaType.class) {
            return (HeaderDelegate<T>) MEDIA_TYPE;
        }
        throw new IllegalArgumentException("no header delegate for " + type);
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }

    private static final HeaderDelegate<MediaType> MEDIA_TYPE = new HeaderDelegate<>() {
        @Override
        public MediaType fromString(String value) {
            String[] parts = value.split(";");
            String[] typeAndSubtype = parts[0].trim().split("/", 2);
            Map<String, String> parameters = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                parameters.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
            }
            return new MediaType(typeAndSubtype[0], typeAndSubtype.length > 1 ? typeAndSubtype[1] : "*", parameters);
        }

        @Override
        public String toString(MediaType value) {
            StringBuilder out = new StringBuilder(value.getType()).append('/').append(value.getSubtype());
            value.getParameters().forEach((k, v) -> out.append(';').append(k).append('=').append(v));
            return out.toString();
        }
    };

    private static final class Builder extends Response.ResponseBuilder {
        private int status = 200;
        private String reason = "";
        private Object entity;
        private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        @Override
        public Response build() {
            SimpleResponse response = new SimpleResponse(status, reason, entity, new MultivaluedHashMap<>(headers));
            return response;
        }

        @Override
        @SuppressWarnings("MethodDoesntCallSuperMethod")
        public Response.ResponseBuilder clone() {
            Builder copy = new Builder();
            copy.status = status;
            copy.reason = reason;
            copy.entity = entity;
            copy.headers.putAll(headers);
            return copy;
        }

        @Override
        public Response.ResponseBuilder status(int code) {
            return status(code, null);
        }

        @Override
        public Response.ResponseBuilder status(int code, String reasonPhrase) {
            this.status = code;
            Response.Status known = Response.Status.fromStatusCode(code);
            this.reason = reasonPhrase != null ? reasonPhrase : known == null ? "" : known.getReasonPhrase();
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object value) {
            this.entity = value;
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object value, Annotation[] annotations) {
            return entity(value);
        }

        @Override
        public Response.ResponseBuilder allow(String... methods) {
            return allow(new LinkedHashSet<>(Arrays.asList(methods)));
        }

        @Override
        public Response.ResponseBuilder allow(Set<String> methods) {
            headers.remove(HttpHeaders.ALLOW);
            if (methods != null) {
                headers.add(HttpHeaders.ALLOW, String.join(",", methods));
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
            return header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }

        @Override
        public Response.ResponseBuilder encoding(String encoding) {
            return header(HttpHeaders.CONTENT_ENCODING, encoding);
        }

        @Override
        public Response.ResponseBuilder header(String name, Object value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.add(name, value);
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> replacement) {
            headers.clear();
            if (replacement != null) {
                headers.putAll(replacement);
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder language(String language) {
            return header(HttpHeaders.CONTENT_LANGUAGE, language);
        }

        @Override
        public Response.ResponseBuilder language(Locale language) {
            return header(HttpHeaders.CONTENT_LANGUAGE, language);
        }

        @Override
        public Response.ResponseBuilder type(MediaType type) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
            return header(HttpHeaders.CONTENT_TYPE, type);
        }

        @Override
        public Response.ResponseBuilder type(String type) {
            return type(type == null ? null : MediaType.valueOf(type));
        }

        @Override
        public Response.ResponseBuilder variant(Variant variant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder contentLocation(URI location) {
            return header(HttpHeaders.CONTENT_LOCATION, location);
        }

        @Override
        public Response.ResponseBuilder cookie(NewCookie... cookies) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder expires(Date expires) {
            return header(HttpHeaders.EXPIRES, expires);
        }

        @Override
        public Response.ResponseBuilder lastModified(Date lastModified) {
            return header(HttpHeaders.LAST_MODIFIED, lastModified);
        }

        @Override
        public Response.ResponseBuilder location(URI location) {
            return header(HttpHeaders.LOCATION, location);
        }

        @Override
        public Response.ResponseBuilder tag(EntityTag tag) {
            return header(HttpHeaders.ETAG, tag);
        }

        @Override
        public Response.ResponseBuilder tag(String tag) {
            return header(HttpHeaders.ETAG, tag);
        }

        @Override
        public Response.ResponseBuilder variants(Variant... variants) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder variants(List<Variant> variants) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder links(Link... links) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder link(URI uri, String rel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder link(String uri, String rel) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class SimpleResponse extends Response {
        private final int status;
        private final String reason;
        private final Object entity;
        private final MultivaluedMap<String, Object> headers;

        SimpleResponse(int status, String reason, Object entity, MultivaluedMap<String, Object> headers) {
            this.status = status;
            this.reason = reason;
            this.entity = entity;
            this.headers = headers;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public StatusType getStatusInfo() {
            return new StatusType() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Status.Family getFamily() {
                    return Status.Family.familyOf(status);
                }

                @Override
                public String getReasonPhrase() {
                    return reason;
                }
            };
        }

        @Override
        public Object getEntity() {
            return entity;
        }

        @Override
        public <T> T readEntity(Class<T> entityType) {
            return entityType.cast(entity);
        }

        @Override
        public <T> T readEntity(GenericType<T> entityType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
            return readEntity(entityType);
        }

        @Override
        public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasEntity() {
            return entity != null;
        }

        @Override
        public boolean bufferEntity() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public MediaType getMediaType() {
            Object type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            return type == null ? null : type instanceof MediaType media ? media : MediaType.valueOf(type.toString());
        }

        @Override
        public Locale getLanguage() {
            return null;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public Set<String> getAllowedMethods() {
            List<Object> allow = headers.get(HttpHeaders.ALLOW);
            if (allow == null) {
                return Collections.emptySet();
            }
            return allow.stream().flatMap(v -> Arrays.stream(v.toString().split(",")))
                    .map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            return Collections.emptyMap();
        }

        @Override
        public EntityTag getEntityTag() {
            return null;
        }

        @Override
        public Date getDate() {
            return null;
        }

        @Override
        public Date getLastModified() {
            return null;
        }

        @Override
        public URI getLocation() {
            return null;
        }

        @Override
        public Set<Link> getLinks() {
            return Collections.emptySet();
        }

        @Override
        public boolean hasLink(String relation) {
            return false;
        }

        @Override
        public Link getLink(String relation) {
            return null;
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            return null;
        }

        @Override
        public MultivaluedMap<String, Object> getMetadata() {
            return headers;
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            MultivaluedMap<String, String> out = new MultivaluedHashMap<>();
            headers.forEach((k, values) -> values.forEach(v -> out.add(k, String.valueOf(v))));
            return out;
        }

        @Override
        public String getHeaderString(String name) {
            List<Object> values = headers.get(name);
            return values == null ? null
                    : values.stream().map(v -> v instanceof MediaType m ? MEDIA_TYPE.toString(m) : String.valueOf(v))
                            .collect(Collectors.joining(","));
        }
    }
}
