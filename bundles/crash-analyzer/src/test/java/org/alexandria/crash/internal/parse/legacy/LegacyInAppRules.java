package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides which frames belong to the application. Patterns are of two kinds: a <em>path pattern</em>
 * (one holding {@code /}, {@code \} or {@code :}, or starting with {@code <} or {@code [}) matches a
 * frame whose file or module contains it, e.g. {@code /site-packages/}; any other pattern is a
 * <em>name pattern</em> and matches a frame whose {@linkplain StackFrame#symbol() symbol}, function,
 * module or module file name (native modules are library paths) starts with it, e.g. {@code java.}. A frame matching an {@code exclude} pattern is never in-app; otherwise, with no
 * {@code include} patterns every frame is (code is the application's unless it is known to be a
 * runtime, standard library or test harness), and with include patterns only the frames they match are.
 * Exclusion winning lets an installation carve generated code out of its own packages.
 *
 * @param include patterns of the application's code, e.g. {@code com.acme.}; empty to rely on {@code exclude}
 * @param exclude patterns of code that is never the application's, e.g. {@code java.}, {@code /site-packages/}
 */
public record LegacyInAppRules(List<String> include, List<String> exclude) {

    /**
     * Runtimes, standard libraries, test harnesses and build tools of the supported platforms. Only
     * code every application shares is listed: libraries an application may itself be (Jackson,
     * Spring, Mockito, ...) stay in-app unless an installation excludes them.
     */
    public static final List<String> FRAMEWORK = List.of(
            // JVM runtimes and languages
            "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.",
            "groovy.lang.", "org.codehaus.groovy.", "android.", "androidx.", "dalvik.", "com.android.internal.",
            // JVM test harnesses and build tools
            "junit.", "org.junit.", "org.opentest4j.", "org.hamcrest.", "org.assertj.", "org.testng.",
            "org.apache.tools.ant.", "org.apache.maven.surefire.", "org.gradle.", "org.eclipse.jdt.internal.junit",
            "com.intellij.rt.",
            // Python: installed packages and the standard library
            "/site-packages/", "\\site-packages\\", "/dist-packages/", "/lib/python", "\\Lib\\", "<frozen ",
            // JavaScript: dependencies and engine internals
            "node_modules/", "node:", "<anonymous>", "[native code]",
            // .NET
            "System.", "Microsoft.", "NUnit.", "Xunit.",
            // native: C runtime, loaders, system libraries
            "libc.so", "libc-", "libpthread", "libstdc++", "libc++", "libgcc_s", "ld-linux", "libsystem_",
            "libdyld", "libobjc", "dyld", "ntdll", "kernel32", "KERNELBASE", "ucrtbase", "__libc_start", "_start",
            "/usr/include/",
            "sysdeps/", "nptl/");

    public LegacyInAppRules {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** @return no includes, {@link #FRAMEWORK} excluded */
    public static LegacyInAppRules defaults() {
        return new LegacyInAppRules(List.of(), FRAMEWORK);
    }

    /** @return true when the frame is application code */
    public boolean isInApp(StackFrame frame) {
        return !anyMatches(exclude, frame) && (include.isEmpty() || anyMatches(include, frame));
    }

    private static boolean anyMatches(List<String> patterns, StackFrame frame) {
        for (String p : patterns) {
            if (isPath(p) ? contains(frame.file(), p) || contains(frame.module(), p) : startsWith(frame, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPath(String pattern) {
        return pattern.indexOf('/') >= 0 || pattern.indexOf('\\') >= 0 || pattern.indexOf(':') >= 0
                || pattern.startsWith("<") || pattern.startsWith("[");
    }

    private static boolean startsWith(StackFrame frame, String pattern) {
        String module = frame.module();
        return frame.symbol().startsWith(pattern) || frame.function().startsWith(pattern) || (module != null
                && (module.startsWith(pattern) || module.substring(module.lastIndexOf('/') + 1).startsWith(pattern)));
    }

    private static boolean contains(@Nullable String path, String pattern) {
        return path != null && path.contains(pattern);
    }
}
