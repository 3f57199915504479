package org.alexandria.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The UI's files, read from a folder of the bundle's class path. A request path is accepted only when each
 * segment is a plain file or folder name, so nothing outside the folder can be reached whatever the
 * container's own path normalization does. Files are immutable while the bundle runs, so each is read once.
 */
final class StaticFiles {

    /** One file: its bytes, media type and strong entity tag. */
    record File(byte[] content, String contentType, String etag) {
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /**
     * @param loader where the files are
     * @param root   folder of the files in the class path, without slashes, e.g. {@code webapp}
     */
    StaticFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /**
     * @param path request path below the UI's root, e.g. {@code /js/app.js}; {@code /} or empty for the index
     * @return the file, or empty when there is none or the path is not a plain relative path
     */
    Optional<File> find(String path) {
        String relative = path.isEmpty() || path.equals("/") ? "index.html" : path.substring(path.startsWith("/") ? 1 : 0);
        if (!isPlain(relative)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(relative, this::load);
    }

    private static boolean isPlain(String relative) {
        if (relative.isEmpty() || relative.endsWith("/")) {
            return false;
        }
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private Optional<File> load(String relative) {
        String type = type(relative);
        URL url = loader.getResource(root + "/" + relative);
        if (url == null || type == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] content = in.readAllBytes();
            return Optional.of(new File(content, type, "\"" + digest(content) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read UI file " + relative, e);
        }
    }

    private static @Nullable String type(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(relative.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String digest(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
