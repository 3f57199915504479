package org.alexandria.crash.internal.parse;

import static org.alexandria.crash.internal.parse.Samples.describe;
import static org.assertj.core.api.Assertions.assertThat;

import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.junit.jupiter.api.Test;

class NativeTraceParserTest {

    @Test
    void readsAGdbBacktraceWithTheSignalAndAWrappedArgumentList() {
        ParsedTrace trace = Samples.parsed("gdb-segfault.txt");

        assertThat(trace.platform()).isEqualTo(Platform.NATIVE);
        assertThat(trace.thrown().type()).isEqualTo("SIGSEGV");
        assertThat(trace.thrown().message()).isEqualTo("Segmentation fault");
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "null|parse_header|src/parser.c|42|app",
                "null|load_config|src/config.c|88|app",
                "null|main|src/main.c|12|app",
                "null|__libc_start_call_main|../sysdeps/nptl/libc_start_call_main.h|58|lib",
                "null|__libc_start_main_impl|../csu/libc-start.c|360|lib",
                "null|_start|null|-1|lib");
    }

    @Test
    void readsOnlyTheFirstThreadAndFramesFromSharedLibraries() {
        ParsedTrace trace = Samples.parsed("gdb-abort.txt");

        assertThat(trace.thrown().type()).isEqualTo("SIGABRT");
        assertThat(trace.thrown().frames()).hasSize(8);
        assertThat(describe(trace.thrown().frames().subList(0, 6))).containsExactly(
                "null|__pthread_kill_implementation|./nptl/pthread_kill.c|44|lib",
                "null|__GI_raise|../sysdeps/posix/raise.c|26|lib",
                "null|__GI_abort|./stdlib/abort.c|79|app",
                "/lib/x86_64-linux-gnu/libstdc++.so.6|std::__throw_out_of_range_fmt(char const*, ...)|null|-1|lib",
                "null|std::vector<int, std::allocator<int> >::_M_range_check|/usr/include/c++/11/bits/stl_vector.h|1073|lib",
                "null|acme::Queue::pop|src/queue.cc|57|app");
    }

    @Test
    void readsAnLldbBacktraceWithItsStopReason() {
        ParsedTrace trace = Samples.parsed("lldb-bad-access.txt");

        assertThat(trace.thrown().type()).isEqualTo("EXC_BAD_ACCESS");
        assertThat(trace.thrown().message()).isEqualTo("(code=1, address=0x0)");
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "acme|parse_header(buf=0x0000000000000000, len=16)|parser.c|42|app",
                "acme|load_config(path=\"/etc/acme.conf\")|config.c|88|app",
                "acme|main|null|-1|app",
                "dyld|start|null|-1|lib");
    }
}
