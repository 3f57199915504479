package org.alexandria.crash.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.parse.Samples;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static final String TRACE = """
            java.lang.IllegalStateException: cart 4711 is closed
            \tat com.acme.Cart.lambda$add$3(Cart.java:40)
            \tat com.acme.Cart$$Lambda$14/0x0000000800c0b000.accept(Unknown Source)
            \tat java.util.ArrayList.forEach(ArrayList.java:1541)
            \tat com.acme.Cart.add(Cart.java:38)
            \tat com.acme.CartController.post(CartController.java:21)
            \tat sun.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)
            \tat org.junit.runners.ParentRunner.run(ParentRunner.java:363)
            """;

    private final Fingerprinter fingerprinter = new Fingerprinter(GroupingRules.DEFAULT);

    private static ParsedTrace parse(String text) {
        return (ParsedTrace) new CrashParser().parse(text);
    }

    @Test
    void hashesTheRuleSetTheTypesAndTheTopInAppFrames() {
        Fingerprint f = fingerprinter.fingerprint(parse(TRACE));

        assertThat(f.hash()).matches("[0-9a-f]{64}");
        assertThat(f.rules()).isEqualTo("alexandria:1");
        assertThat(f.components()).containsExactly("type:java.lang.IllegalStateException",
                "frame:com.acme.Cart.lambda$add", "frame:com.acme.Cart$$Lambda.accept", "frame:com.acme.Cart.add",
                "frame:com.acme.CartController.post");
        assertThat(f.signature()).isEqualTo("IllegalStateException at com.acme.Cart.lambda$add");
    }

    @Test
    void ignoresLineNumbersGeneratedNamesFrameworkFramesAndMessages() {
        String rebuilt = TRACE.replace("Cart.java:40", "Cart.java:52").replace("lambda$add$3", "lambda$add$0")
                .replace("$$Lambda$14/0x0000000800c0b000", "$$Lambda$91/0x0000000801a2c440")
                .replace("GeneratedMethodAccessor12", "GeneratedMethodAccessor7")
                .replace("\tat org.junit.runners.ParentRunner.run(ParentRunner.java:363)\n", "")
                .replace("cart 4711", "cart 12");

        assertThat(fingerprinter.fingerprint(parse(rebuilt)).hash()).isEqualTo(fingerprinter.fingerprint(parse(TRACE)).hash());
    }

    @Test
    void anotherInAppFrameOrTypeIsAnotherGroup() {
        String hash = fingerprinter.fingerprint(parse(TRACE)).hash();

        assertThat(fingerprinter.fingerprint(parse(TRACE.replace("CartController.post", "CartController.put"))).hash())
                .isNotEqualTo(hash);
        assertThat(fingerprinter.fingerprint(parse(TRACE.replace("IllegalStateException", "IllegalArgumentException")))
                .hash()).isNotEqualTo(hash);
    }

    @Test
    void countsOnlyTheConfiguredNumberOfFramesPerException() {
        GroupingRules two = new GroupingRules("alexandria", 2, InAppRules.defaults(), 2, Map.of());
        Fingerprinter fingerprinter = new Fingerprinter(two);

        Fingerprint f = fingerprinter.fingerprint(parse(TRACE));

        assertThat(f.components()).containsExactly("type:java.lang.IllegalStateException",
                "frame:com.acme.Cart.lambda$add", "frame:com.acme.Cart$$Lambda.accept");
        assertThat(fingerprinter.fingerprint(parse(TRACE.replace("CartController.post", "CartController.put"))).hash())
                .isEqualTo(f.hash());
    }

    @Test
    void theRuleSetVersionIsPartOfTheHash() {
        GroupingRules v2 = new GroupingRules("alexandria", 2, InAppRules.defaults(), 5, Map.of());

        Fingerprint f = new Fingerprinter(v2).fingerprint(parse(TRACE));

        assertThat(f.rules()).isEqualTo("alexandria:2");
        assertThat(f.components()).isEqualTo(fingerprinter.fingerprint(parse(TRACE)).components());
        assertThat(f.hash()).isNotEqualTo(fingerprinter.fingerprint(parse(TRACE)).hash());
    }

    @Test
    void groupsOutOfMemoryErrorsByTypeAndNormalizedMessage() {
        String oom = "java.lang.OutOfMemoryError: Java heap space\n\tat com.acme.Report.render(Report.java:%d)\n"
                + "\tat com.acme.%s.run(Job.java:1)\n";

        Fingerprint a = fingerprinter.fingerprint(parse(oom.formatted(10, "NightlyJob")));
        Fingerprint b = fingerprinter.fingerprint(parse(oom.formatted(99, "ExportJob")));
        Fingerprint metaspace = fingerprinter.fingerprint(parse(oom.formatted(10, "NightlyJob").replace("Java heap space", "Metaspace")));

        assertThat(a.components()).containsExactly("type:java.lang.OutOfMemoryError", "message:Java heap space");
        assertThat(b.hash()).isEqualTo(a.hash());
        assertThat(metaspace.hash()).isNotEqualTo(a.hash());
    }

    @Test
    void includesTheCausesButNotSuppressedExceptions() {
        Fingerprint f = fingerprinter.fingerprint(Samples.parsed("java-suppressed.txt"));

        assertThat(f.components()).filteredOn(c -> c.startsWith("type:"))
                .containsExactly("type:java.lang.Exception", "type:java.lang.Exception");
        assertThat(f.signature()).isEqualTo("Exception at Foo3.main");
    }

    @Test
    void aTraceWithoutInAppFramesFallsBackToAllFrames() {
        Fingerprint f = fingerprinter.fingerprint(parse("java.lang.NullPointerException\n\tat java.util.Objects.requireNonNull(Objects.java:208)\n"));

        assertThat(f.components()).containsExactly("type:java.lang.NullPointerException", "frame:java.util.Objects.requireNonNull");
    }

    @Test
    void everySampleHasAStableFingerprint() {
        for (String sample : Samples.ALL) {
            assertThat(fingerprinter.fingerprint(Samples.parsed(sample)))
                    .isEqualTo(fingerprinter.fingerprint(Samples.parsed(sample)));
        }
    }

    @Test
    void rejectsRuleSetsThatCannotBeRecorded() {
        assertThatThrownBy(() -> new GroupingRules("a:b", 1, InAppRules.defaults(), 5, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupingRules("a", 0, InAppRules.defaults(), 5, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TypeOverride(-1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GroupingRules.DEFAULT.forType("java.lang.Error")).isEqualTo(new TypeOverride(5, false));
        assertThat(List.of(GroupingRules.DEFAULT.id())).containsExactly("alexandria:1");
    }
}
