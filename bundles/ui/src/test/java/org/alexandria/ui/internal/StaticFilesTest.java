package org.alexandria.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {

    private final StaticFiles files = new StaticFiles(StaticFilesTest.class.getClassLoader(), "webapp");

    @Test
    void rootIsTheIndexPage() {
        StaticFiles.File index = files.find("/").orElseThrow();
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(index.content(), StandardCharsets.UTF_8)).contains("<main");
        assertThat(files.find("")).contains(index);
        assertThat(files.find("/index.html")).contains(index);
    }

    @Test
    void modulesAreJavaScript() {
        StaticFiles.File app = files.find("/js/app.js").orElseThrow();
        assertThat(app.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(app.etag()).matches("\"[0-9a-f]{24}\"");
        assertThat(files.find("/js/app.js").orElseThrow().etag()).isEqualTo(app.etag());
        assertThat(files.find("/css/app.css").orElseThrow().etag()).isNotEqualTo(app.etag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../StaticFiles.class", "/js/../index.html", "/.hidden", "/js/", "//index.html",
            "/js//app.js", "/%2e%2e/x.js", "/js\\app.js", "/missing.js", "/index", "/org/alexandria/ui/internal/UiServlet.class"})
    void refusesPathsThatAreNotPlainFilesOfTheFolder(String path) {
        assertThat(files.find(path)).isEmpty();
    }
}
