package org.alexandria.crash.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alexandria.crash.internal.fingerprint.Fingerprinter;
import org.alexandria.crash.internal.fingerprint.GroupingRules;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parse results and fingerprints of the development traces are frozen in {@code dev-traces-golden.txt} (hashes
 * only): a change of parsing, normalization or the {@code alexandria:1} grouping rules that moves any trace to
 * another group fails here. Fingerprints are stored by users (crash groups), so such a change needs new grouping
 * rules with their own id, not an edit of the old ones. The golden file was written by the code before the 2026-11
 * throughput work, which a frozen copy of that code proved equivalent on random input at the time.
 */
class DevTracesGoldenTest {

    /** The development split, relative to the module directory; only its {@code trace_text} field is read. */
    private static final Path DEV_TRACES = Path.of(System.getProperty("crash.devTraces",
            "../../../shared/data/crash-traces-dev/traces.jsonl"));

    @Test
    void devTracesParseAndFingerprintAsTheGoldenFileSays() throws IOException {
        List<String> texts = devTraces();
        CrashParser parser = new CrashParser();
        Fingerprinter fingerprinter = new Fingerprinter(GroupingRules.DEFAULT);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ParseResult r = parser.parse(texts.get(i));
            String fp = r instanceof ParsedTrace t ? fingerprinter.fingerprint(t).toString() : "-";
            String hash = r instanceof ParsedTrace t ? fingerprinter.fingerprint(t).hash() : "-";
            actual.add(i + " " + hash + " " + sha16(r.toString()) + " " + sha16(fp));
        }
        List<String> expected;
        try (InputStream in = DevTracesGoldenTest.class.getResourceAsStream("dev-traces-golden.txt")) {
            assertThat(in).as("golden file").isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** @return the trace texts of the development split; skips the test when it is absent */
    private static List<String> devTraces() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEV_TRACES), "no development split at " + DEV_TRACES.toAbsolutePath());
        List<String> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DEV_TRACES, StandardCharsets.UTF_8);
                JsonParser p = new JsonFactory().createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String text = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("trace_text".equals(name) && p.currentToken() == JsonToken.VALUE_STRING) {
                        text = p.getText();
                    } else {
                        p.skipChildren(); // labels are never read
                    }
                }
                texts.add(text == null ? "" : text);
            }
        }
        return texts;
    }

    private static String sha16(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
