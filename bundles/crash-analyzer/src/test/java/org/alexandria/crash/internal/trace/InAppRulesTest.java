package org.alexandria.crash.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InAppRulesTest {

    @ParameterizedTest(name = "{0} | {1} | {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "java.util.Optional|map|Optional.java|false",
        "com.acme.java.Parser|parse|Parser.java|true",
        "org.junit.jupiter.api.Assertions|fail|Assertions.java|false",
        "org.apache.tools.ant.Task|perform|Task.java|false",
        "com.fasterxml.jackson.databind.ObjectMapper|readValue|ObjectMapper.java|true",
        "-|get|/home/dev/venv/lib/python3.11/site-packages/requests/api.py|false",
        "-|load|/usr/lib/python3.11/json/decoder.py|false",
        "-|ship|/srv/app/orders/service.py|true",
        "-|query|/home/dev/app/node_modules/pg/lib/client.js|false",
        "-|processTicksAndRejections|node:internal/process/task_queues|false",
        "-|initCart|https://shop.example.com/static/js/main.3f2a9c1b.js|true",
        "System.Net.Http.HttpClient|SendAsync|-|false",
        "Acme.System.Orders|Load|C:\\src\\Acme.System.Orders\\Orders.cs|true",
        "/lib/x86_64-linux-gnu/libc.so.6|__GI_raise|-|false",
        "-|__libc_start_main_impl|../csu/libc-start.c|false",
        "-|parse_header|src/parser.c|true"})
    void defaultsExcludeRuntimesStandardLibrariesAndTestHarnesses(String module, String function, String file,
            boolean inApp) {
        assertThat(InAppRules.defaults().isInApp(StackFrame.of(module, function, file, 1))).isEqualTo(inApp);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"com.acme.shop.Cart, true", "com.acme.shop.generated.CartDto, false", "org.springframework.web.Filter, false",
        "java.util.List, false"})
    void withIncludesOnlyIncludedFramesThatAreNotExcludedAreInApp(String module, boolean inApp) {
        InAppRules rules = new InAppRules(List.of("com.acme.shop."), List.of("com.acme.shop.generated.", "java."));

        assertThat(rules.isInApp(StackFrame.of(module, "run", null, 1))).isEqualTo(inApp);
    }
}
