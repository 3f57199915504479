package org.alexandria.crash.internal.parse;

import static org.alexandria.crash.internal.parse.Samples.describe;
import static org.assertj.core.api.Assertions.assertThat;

import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ExceptionInfo.Relation;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.junit.jupiter.api.Test;

class JavaScriptTraceParserTest {

    private static final String BUNDLE = "https://shop.example.com/static/js/main.3f2a9c1b.js";

    @Test
    void readsANodeErrorWithItsCause() {
        ParsedTrace trace = Samples.parsed("js-node-cause.txt");

        assertThat(trace.platform()).isEqualTo(Platform.JAVASCRIPT);
        assertThat(trace.exceptions()).extracting(e -> e.type() + ": " + e.message()).containsExactly(
                "Error: query failed", "TypeError: Cannot read properties of undefined (reading 'rows')");
        assertThat(trace.exceptions().get(1).relation()).isEqualTo(Relation.CAUSE);
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "null|Database.query|/home/dev/app/src/db.js|14|app",
                "null|OrderService.find|/home/dev/app/src/orders.js|22|app",
                "null|Promise.all|index 0|-1|app",
                "null|main|file:///home/dev/app/src/main.mjs|8|app");
        assertThat(describe(trace.rootCause().frames())).containsExactly(
                "null|Database.query|/home/dev/app/src/db.js|12|app",
                "null|process.processTicksAndRejections|node:internal/process/task_queues|95|lib");
    }

    @Test
    void readsAChromeStackWithAnonymousAndConstructorFrames() {
        ParsedTrace trace = Samples.parsed("js-chrome.txt");

        assertThat(trace.thrown().type()).isEqualTo("TypeError");
        assertThat(trace.thrown().message()).isEqualTo("Cannot read properties of null (reading 'addEventListener')");
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "null|initCart|" + BUNDLE + "|2|app",
                "null|new CartView|" + BUNDLE + "|2|app",
                "null|?|" + BUNDLE + "|2|app",
                "null|Array.forEach|<anonymous>|-1|lib",
                "null|HTMLDocument.<anonymous>|" + BUNDLE + "|2|app");
    }

    @Test
    void readsFirefoxAndSafariStacksWhichHaveNoHeader() {
        ParsedTrace firefox = Samples.parsed("js-firefox.txt");
        ParsedTrace safari = Samples.parsed("js-safari.txt");

        assertThat(firefox.platform()).isEqualTo(Platform.JAVASCRIPT);
        assertThat(firefox.thrown().type()).isEqualTo(ExceptionInfo.UNKNOWN_TYPE);
        assertThat(firefox.thrown().frames()).extracting(f -> f.function())
                .containsExactly("initCart", "CartView", "?", "EventListener.handleEvent*");
        assertThat(describe(safari.thrown().frames())).containsExactly(
                "null|initCart|" + BUNDLE + "|2|app",
                "null|CartView|" + BUNDLE + "|2|app",
                "null|forEach|[native code]|-1|lib",
                "null|global code|" + BUNDLE + "|2|app");
    }
}
