package org.alexandria.crash.internal.parse;

import static org.alexandria.crash.internal.parse.Samples.describe;
import static org.assertj.core.api.Assertions.assertThat;

import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ExceptionInfo.Relation;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.junit.jupiter.api.Test;

class PythonTraceParserTest {

    @Test
    void turnsADirectCauseChainAroundSoThatTheRaisedExceptionComesFirst() {
        ParsedTrace trace = Samples.parsed("python-direct-cause.txt");

        assertThat(trace.platform()).isEqualTo(Platform.PYTHON);
        assertThat(trace.exceptions()).extracting(e -> e.type() + ": " + e.message() + " " + e.relation() + " " + e.parent())
                .containsExactly("orders.errors.OrderNotFound: order A-1001 does not exist THROWN -1",
                        "KeyError: 'A-1001' CAUSE 0");
        // Python prints the innermost frame last; the result has the top of the stack first
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "null|load|/srv/app/orders/repository.py|44|app",
                "null|ship|/srv/app/orders/service.py|27|app",
                "null|<module>|/srv/app/manage.py|12|app");
        assertThat(trace.rootCause().frames()).extracting(f -> f.line()).containsExactly(42);
    }

    @Test
    void marksAnExceptionRaisedDuringHandlingAsContextAndLibrariesAsNotInApp() {
        ParsedTrace trace = Samples.parsed("python-during-handling.txt");

        assertThat(trace.exceptions()).extracting(ExceptionInfo::type).containsExactly(
                "requests.exceptions.ConnectionError", "urllib3.exceptions.MaxRetryError");
        assertThat(trace.exceptions().get(1).relation()).isEqualTo(Relation.CONTEXT);
        assertThat(trace.exceptions().get(1).message()).startsWith("HTTPSConnectionPool(host='api.example.com'")
                .endsWith("[Errno 111] Connection refused'))");
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "null|send|/home/dev/venv/lib/python3.11/site-packages/requests/adapters.py|519|lib",
                "null|get|/home/dev/venv/lib/python3.11/site-packages/requests/api.py|73|lib",
                "null|sync_orders|/home/dev/app/sync.py|11|app",
                "null|<module>|/home/dev/app/sync.py|18|app");
        assertThat(trace.causalChain()).hasSize(2);
    }

    @Test
    void countsRepeatedRecursionAsOmittedFrames() {
        ParsedTrace trace = Samples.parsed("python-recursion.txt");

        assertThat(trace.thrown().type()).isEqualTo("RecursionError");
        assertThat(trace.thrown().frames()).hasSize(3);
        assertThat(trace.thrown().omittedFrames()).isEqualTo(996);
    }

    @Test
    void keepsATracebackWhoseExceptionLineIsCutOff() {
        String text = Samples.text("python-recursion.txt").replace("RecursionError: maximum recursion depth exceeded\n", "");

        ParsedTrace trace = (ParsedTrace) new CrashParser().parse(text);

        assertThat(trace.thrown().type()).isEqualTo(ExceptionInfo.UNKNOWN_TYPE);
        assertThat(trace.thrown().frames()).hasSize(3);
    }

    @Test
    void readsASyntaxErrorFrameThatNamesNoFunction() {
        String text = """
                  File "/app/settings.py", line 3
                    DEBUG = = True
                            ^
                SyntaxError: invalid syntax
                """;

        ParsedTrace trace = (ParsedTrace) new CrashParser().parse(text);

        assertThat(trace.thrown().type()).isEqualTo("SyntaxError");
        assertThat(describe(trace.thrown().frames())).containsExactly("null|<module>|/app/settings.py|3|app");
    }
}
