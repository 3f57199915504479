package org.alexandria.rest.internal.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.alexandria.api.rest.MaxBodySize;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BodyLimitFilterTest {

    private static final long LIMIT = 100;

    private static RestConfig config(long maxBodyBytes) {
        RestConfig config = mock(RestConfig.class);
        when(config.maxBodyBytes()).thenReturn(maxBodyBytes);
        return config;
    }

    private static ContainerRequestContext request(int contentLength, boolean hasEntity, InputStream body) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn("api/v1/tokens");
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getLength()).thenReturn(contentLength);
        when(request.hasEntity()).thenReturn(hasEntity);
        when(request.getEntityStream()).thenReturn(body);
        return request;
    }

    @Test
    void contentLengthAboveTheLimitIsAbortedWith413Problem() {
        ContainerRequestContext request = request((int) LIMIT + 1, true, new ByteArrayInputStream(new byte[0]));
        new BodyLimitFilter(config(LIMIT)).filter(request);

        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(response.capture());
        verify(request, never()).setEntityStream(any());
        assertThat(response.getValue().getStatus()).isEqualTo(413);
        assertThat(response.getValue().getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getValue().getEntity();
        assertThat(problem.type()).isEqualTo("urn:alexandria:problem:payload-too-large");
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.detail()).contains("101 bytes", "limit of 100 bytes");
        assertThat(problem.instance()).isEqualTo("/api/v1/tokens");
    }

    @Test
    void contentLengthAtTheLimitIsWrappedNotAborted() throws Exception {
        InputStream body = new ByteArrayInputStream(new byte[(int) LIMIT]);
        ContainerRequestContext request = request((int) LIMIT, true, body);
        new BodyLimitFilter(config(LIMIT)).filter(request);

        verify(request, never()).abortWith(any());
        ArgumentCaptor<InputStream> wrapped = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(wrapped.capture());
        assertThat(wrapped.getValue()).isInstanceOf(LimitedInputStream.class);
        assertThat(wrapped.getValue().readAllBytes()).hasSize((int) LIMIT);
    }

    @Test
    void chunkedBodyWithoutLengthIsCutOffWhileReading() {
        ContainerRequestContext request = request(-1, true, new ByteArrayInputStream(new byte[(int) LIMIT + 1]));
        new BodyLimitFilter(config(LIMIT)).filter(request);

        verify(request, never()).abortWith(any());
        ArgumentCaptor<InputStream> wrapped = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(wrapped.capture());
        assertThatThrownBy(() -> wrapped.getValue().readAllBytes()).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void requestWithoutBodyIsLeftAlone() {
        ContainerRequestContext request = request(-1, false, null);
        new BodyLimitFilter(config(LIMIT)).filter(request);
        verify(request, never()).abortWith(any());
        verify(request, never()).setEntityStream(any());
    }

    @Test
    void changedConfigurationAppliesToTheNextRequest() {
        BodyLimitFilter filter = new BodyLimitFilter(config(LIMIT));
        filter.modified(config(10));
        ContainerRequestContext request = request(11, true, new ByteArrayInputStream(new byte[11]));
        filter.filter(request);
        verify(request).abortWith(any());
    }

    @MaxBodySize(1000)
    static final class Uploads {
        @MaxBodySize(500)
        public void upload() {
        }

        public void other() {
        }
    }

    static final class Plain {
        public void post() {
        }
    }

    private static BodyLimitFilter filterFor(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(m);
        when(info.getResourceClass()).thenAnswer(i -> type);
        BodyLimitFilter filter = new BodyLimitFilter(config(LIMIT));
        filter.resourceInfo = info;
        return filter;
    }

    @Test
    void methodAnnotationRaisesTheLimitForThatMethodOnly() throws Exception {
        ContainerRequestContext atLimit = request(500, true, new ByteArrayInputStream(new byte[500]));
        filterFor(Uploads.class, "upload").filter(atLimit);
        verify(atLimit, never()).abortWith(any());
        ArgumentCaptor<InputStream> wrapped = ArgumentCaptor.forClass(InputStream.class);
        verify(atLimit).setEntityStream(wrapped.capture());
        assertThat(wrapped.getValue().readAllBytes()).hasSize(500);

        ContainerRequestContext above = request(501, true, new ByteArrayInputStream(new byte[501]));
        filterFor(Uploads.class, "upload").filter(above);
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(above).abortWith(response.capture());
        assertThat(response.getValue().getStatus()).isEqualTo(413);
        assertThat(((Problem) response.getValue().getEntity()).detail()).contains("501 bytes", "limit of 500 bytes");
    }

    @Test
    void classAnnotationAppliesToMethodsWithoutTheirOwn() throws Exception {
        ContainerRequestContext request = request(1000, true, new ByteArrayInputStream(new byte[1000]));
        filterFor(Uploads.class, "other").filter(request);
        verify(request, never()).abortWith(any());

        ContainerRequestContext above = request(1001, true, new ByteArrayInputStream(new byte[1001]));
        filterFor(Uploads.class, "other").filter(above);
        verify(above).abortWith(any());
    }

    @Test
    void unannotatedResourceKeepsTheConfiguredLimit() throws Exception {
        ContainerRequestContext request = request((int) LIMIT + 1, true, new ByteArrayInputStream(new byte[0]));
        filterFor(Plain.class, "post").filter(request);
        verify(request).abortWith(any());
    }

    @Test
    void chunkedBodyIsCutOffAtTheMethodsLimitWhileReading() throws Exception {
        ContainerRequestContext request = request(-1, true, new ByteArrayInputStream(new byte[501]));
        filterFor(Uploads.class, "upload").filter(request);
        verify(request, never()).abortWith(any());
        ArgumentCaptor<InputStream> wrapped = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(wrapped.capture());
        InputStream body = wrapped.getValue();
        assertThat(body.readNBytes(500)).hasSize(500);
        assertThatThrownBy(body::read).isInstanceOf(BodyTooLargeException.class);
    }
}
