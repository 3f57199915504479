package org.alexandria.ui.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the agents' web UI at {@code /ui/}: {@code /ui} redirects to {@code /ui/}, which is the single page;
 * the page's modules, styles and icons come from the bundle folder {@code webapp}. Every answer carries a strict
 * Content-Security-Policy (scripts, styles and API calls from this origin only, no inline code, no framing), and
 * files are revalidated by entity tag so an upgraded bundle is picked up at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("alexandria-ui")
@HttpWhiteboardServletPattern({UiServlet.ROOT, UiServlet.ROOT + "/*"})
public final class UiServlet extends HttpServlet {

    /** Where the UI is served. */
    static final String ROOT = "/ui";

    /** Scripts, styles, images and API calls from this origin only; no inline code, no plugins, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final long serialVersionUID = 1L;

    private final transient StaticFiles files;

    /** Serves the files packed in this bundle. */
    public UiServlet() {
        this(new StaticFiles(UiServlet.class.getClassLoader(), "webapp"));
    }

    UiServlet(StaticFiles files) {
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        securityHeaders(response);
        String path = request.getPathInfo();
        if (path == null) {
            // relative URLs of the page (css/app.css, js/app.js) resolve only below /ui/
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            String query = request.getQueryString();
            response.setHeader("Location", request.getContextPath() + ROOT + "/" + (query == null ? "" : "?" + query));
            return;
        }
        Optional<StaticFiles.File> found = files.find(path);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("Not found. The agents' UI starts at " + ROOT + "/\n");
            return;
        }
        StaticFiles.File file = found.get();
        response.setHeader("ETag", file.etag());
        response.setHeader("Cache-Control", "no-cache");
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file.contentType());
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
