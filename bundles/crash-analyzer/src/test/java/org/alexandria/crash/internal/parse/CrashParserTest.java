package org.alexandria.crash.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.alexandria.crash.internal.trace.Unparsed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CrashParserTest {

    @ParameterizedTest
    @CsvSource({
        "java-spring-caused-by.txt, JAVA", "java-suppressed.txt, JAVA",
        "python-direct-cause.txt, PYTHON", "python-during-handling.txt, PYTHON", "python-recursion.txt, PYTHON",
        "js-node-cause.txt, JAVASCRIPT", "js-chrome.txt, JAVASCRIPT", "js-firefox.txt, JAVASCRIPT",
        "js-safari.txt, JAVASCRIPT", "dotnet-framework.txt, DOTNET", "dotnet-core.txt, DOTNET",
        "gdb-segfault.txt, NATIVE", "gdb-abort.txt, NATIVE", "lldb-bad-access.txt, NATIVE"})
    void detectsThePlatformOfEachSample(String sample, Platform platform) {
        assertThat(Samples.parsed(sample).platform()).isEqualTo(platform);
    }

    @Test
    void findsATraceInsideATicketDescription() {
        String ticket = "Hi, since this morning checkout fails for every customer. We see this in the logs:\n\n"
                + Samples.text("python-direct-cause.txt") + "\nCan you have a look? Thanks, Jane";

        ParseResult result = new CrashParser().parse(ticket);

        assertThat(result).isInstanceOfSatisfying(ParsedTrace.class, t -> {
            assertThat(t.thrown().type()).isEqualTo("orders.errors.OrderNotFound");
            assertThat(t.thrown().message()).isEqualTo("order A-1001 does not exist");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Checkout is slow since Monday, please help.", "at the office: 12:30",
        "#1 Introduction\n#2 Setup", "user@example.com wrote:", "   \n\t\n"})
    void textWithoutATraceIsUnparsedWithAReason(String text) {
        assertThat(new CrashParser().parse(text)).isInstanceOfSatisfying(Unparsed.class,
                u -> assertThat(u.reason()).isNotBlank());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "")
    void emptyInputIsUnparsed(String text) {
        assertThat(new CrashParser().parse(text)).isEqualTo(new Unparsed("empty input"));
    }

    @Test
    void classifiesFramesWithTheRulesItIsGiven() {
        CrashParser parser = new CrashParser(new InAppRules(List.of("com.acme.shop."), InAppRules.FRAMEWORK));

        ParsedTrace trace = (ParsedTrace) parser.parse(Samples.text("java-spring-caused-by.txt"));

        assertThat(trace.thrown().frames()).filteredOn(StackFrame::inApp).extracting(StackFrame::symbol).containsExactly(
                "com.acme.shop.customer.CustomerService$$EnhancerBySpringCGLIB$$5f2a7c1d.register",
                "com.acme.shop.customer.CustomerController.lambda$register$0",
                "com.acme.shop.customer.CustomerController.register");
    }
}
