package org.alexandria.bench.crash;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the crash texts of a JSONL file of {@code {"id", "group", "exception_type", "trace_text"}} lines. Only
 * {@code trace_text} is kept: the parser streams over each object and skips every other field unread, so no
 * label (id, group, exception type) ever reaches the benchmark.
 */
public final class TraceTexts {

    /** The field holding the crash text. */
    public static final String FIELD = "trace_text";

    private TraceTexts() {
    }

    /**
     * @param file a JSONL file
     * @return the trace texts, in file order
     * @throws IOException if the file cannot be read or a line has no trace text
     */
    public static List<String> read(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        JsonFactory json = new JsonFactory();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonParser p = json.createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("expected one JSON object a line near " + p.currentLocation());
                }
                String text = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (FIELD.equals(name) && p.currentToken() == JsonToken.VALUE_STRING) {
                        text = p.getText();
                    } else {
                        p.skipChildren(); // a label or anything else: not read
                    }
                }
                if (text == null) {
                    throw new IOException("object without \"" + FIELD + "\" near " + p.currentLocation());
                }
                texts.add(text);
            }
        }
        return texts;
    }
}
