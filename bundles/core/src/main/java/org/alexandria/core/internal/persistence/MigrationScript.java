package org.alexandria.core.internal.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alexandria.api.persistence.MigrationException;

/** One versioned script: {@code V<version>__<description>.sql} and its statements. */
record MigrationScript(int version, String description, String name, String sql) {

    private static final Pattern NAME = Pattern.compile("V(\\d{1,6})__([A-Za-z0-9_]+)\\.sql");

    static MigrationScript of(String name, String sql) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new MigrationException("Migration script name must look like V1__create_tables.sql: " + name);
        }
        return new MigrationScript(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), name, sql);
    }

    static boolean isScriptName(String name) {
        return NAME.matcher(name).matches();
    }

    String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Statements end with ';' at the end of a line; lines starting with '--' are comments. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
