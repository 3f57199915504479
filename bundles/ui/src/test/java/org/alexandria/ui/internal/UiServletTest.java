package org.alexandria.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class UiServletTest {

    private final UiServlet servlet = new UiServlet();
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final Map<String, String> headers = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final StringWriter text = new StringWriter();

    UiServletTest() throws Exception {
        org.mockito.Mockito.doAnswer(call -> headers.put(call.getArgument(0), call.getArgument(1)))
                .when(response).setHeader(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        when(response.getWriter()).thenReturn(new PrintWriter(text));
        when(request.getContextPath()).thenReturn("");
    }

    @Test
    void servesTheIndexWithSecurityHeaders() throws Exception {
        when(request.getPathInfo()).thenReturn("/");
        servlet.doGet(request, response);
        verify(response).setStatus(200);
        verify(response).setContentType("text/html; charset=utf-8");
        assertThat(body.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("<main");
        assertThat(headers).containsEntry("Content-Security-Policy", UiServlet.CONTENT_SECURITY_POLICY)
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Cache-Control", "no-cache").containsKey("ETag");
        assertThat(UiServlet.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void answersNotModifiedForTheCurrentEntityTag() throws Exception {
        when(request.getPathInfo()).thenReturn("/js/app.js");
        servlet.doGet(request, response);
        String etag = headers.get("ETag");

        HttpServletResponse second = mock(HttpServletResponse.class);
        when(request.getHeader("If-None-Match")).thenReturn("\"other\", W/" + etag);
        servlet.doGet(request, second);
        verify(second).setStatus(304);
        verify(second, never()).getOutputStream();
    }

    @Test
    void redirectsTheBarePathBelowTheRoot() throws Exception {
        when(request.getPathInfo()).thenReturn(null);
        when(request.getQueryString()).thenReturn("x=1");
        servlet.doGet(request, response);
        verify(response).setStatus(301);
        assertThat(headers).containsEntry("Location", "/ui/?x=1");
    }

    @Test
    void unknownFilesAreNotFound() throws Exception {
        when(request.getPathInfo()).thenReturn("/../../etc/passwd");
        servlet.doGet(request, response);
        verify(response).setStatus(404);
        assertThat(text.toString()).contains("/ui/");
    }
}
