package org.alexandria.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code {"query": id, "ranked": [id, ...]}} lines (top 10, best first) for independent scoring. */
public final class RankingsWriter implements AutoCloseable {

    /** How many candidates each line keeps. */
    public static final int TOP = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter writer;

    /**
     * @param file output file, replaced if it exists
     * @throws IOException if it cannot be created
     */
    public RankingsWriter(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /**
     * @param query  the query's id (a string, or a number for row indexes)
     * @param ranked candidate ids, best first; only the first {@link #TOP} are written
     * @throws IOException on a write failure
     */
    public void write(Object query, List<?> ranked) throws IOException {
        write(query, ranked, Map.of());
    }

    /**
     * @param query  the query's id
     * @param ranked candidate ids, best first; only the first {@link #TOP} are written
     * @param extra  more fields of the line, in their map's order (a null value is written as null)
     * @throws IOException on a write failure
     */
    public void write(Object query, List<?> ranked, Map<String, ?> extra) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("query", query);
        line.put("ranked", ranked.subList(0, Math.min(TOP, ranked.size())));
        line.putAll(extra);
        writer.write(JSON.writeValueAsString(line));
        writer.newLine();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
