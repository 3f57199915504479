package org.alexandria.crash.internal.trace;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>
 * The patterns are compiled once, when the rules are made: name patterns into a prefix tree walked once per
 * frame and name (the symbol {@code module.function} without building it), path patterns behind one scan for
 * the characters every path pattern holds. Immutable, thread-safe, equal by its two lists.
 *
 * @param include patterns of the application's code, e.g. {@code com.acme.}; empty to rely on {@code exclude}
 * @param exclude patterns of code that is never the application's, e.g. {@code java.}, {@code /site-packages/}
 */
public final class InAppRules {

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

    private final List<String> include;
    private final List<String> exclude;
    private final Matcher includeMatcher;
    private final Matcher excludeMatcher;

    /**
     * @param include patterns of the application's code, e.g. {@code com.acme.}; empty to rely on {@code exclude}
     * @param exclude patterns of code that is never the application's, e.g. {@code java.}, {@code /site-packages/}
     */
    public InAppRules(List<String> include, List<String> exclude) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.includeMatcher = new Matcher(this.include);
        this.excludeMatcher = new Matcher(this.exclude);
    }

    /** @return patterns of the application's code; empty to rely on {@link #exclude()} */
    public List<String> include() {
        return include;
    }

    /** @return patterns of code that is never the application's */
    public List<String> exclude() {
        return exclude;
    }

    /** @return no includes, {@link #FRAMEWORK} excluded */
    public static InAppRules defaults() {
        return DEFAULTS;
    }

    private static final InAppRules DEFAULTS = new InAppRules(List.of(), FRAMEWORK);

    /** @return true when the frame is application code */
    public boolean isInApp(StackFrame frame) {
        return !excludeMatcher.matches(frame) && (include.isEmpty() || includeMatcher.matches(frame));
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof InAppRules r && include.equals(r.include) && exclude.equals(r.exclude);
    }

    @Override
    public int hashCode() {
        return 31 * include.hashCode() + exclude.hashCode();
    }

    @Override
    public String toString() {
        return "InAppRules[include=" + include + ", exclude=" + exclude + "]";
    }

    private static boolean isPath(String pattern) {
        return pattern.indexOf('/') >= 0 || pattern.indexOf('\\') >= 0 || pattern.indexOf(':') >= 0
                || pattern.startsWith("<") || pattern.startsWith("[");
    }

    /**
     * A list of patterns, compiled. A frame matches when a path pattern is contained in its file or module, or
     * when its symbol ({@code module.function}), function, module or module file name (after the last {@code /})
     * starts with a name pattern.
     */
    private static final class Matcher {

        /** Name patterns as a prefix tree; null when there are none. */
        private final @Nullable Node names;
        /** Path patterns; each holds one of {@code / \ :} or starts with {@code < [}. */
        private final String[] paths;

        Matcher(List<String> patterns) {
            Node root = null;
            List<String> pathList = new ArrayList<>();
            for (String p : patterns) {
                if (isPath(p)) {
                    pathList.add(p);
                } else {
                    root = root == null ? new Node() : root;
                    root.add(p);
                }
            }
            this.names = root;
            this.paths = pathList.toArray(String[]::new);
        }

        boolean matches(StackFrame frame) {
            String module = frame.module();
            if (paths.length > 0 && (containsPath(frame.file()) || containsPath(module))) {
                return true;
            }
            Node root = names;
            if (root == null) {
                return false;
            }
            if (root.terminal) {
                return true; // the empty pattern: every name starts with it
            }
            String function = frame.function();
            if (module == null) {
                return root.prefixOf(function, 0); // the symbol is the function
            }
            // a pattern that starts the module starts the symbol too; the module file name is the module unless
            // the module holds a '/'
            int slash = module.lastIndexOf('/');
            return root.prefixOfSymbol(module, function) || root.prefixOf(function, 0)
                    || (slash >= 0 && root.prefixOf(module, slash + 1));
        }

        private boolean containsPath(@Nullable String s) {
            if (s == null || !mayHoldPath(s)) {
                return false;
            }
            for (String p : paths) {
                if (s.contains(p)) {
                    return true;
                }
            }
            return false;
        }

        /** A path pattern contained in s puts one of its characters {@code / \ : < [} into s. */
        private static boolean mayHoldPath(String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c < PATH_CHARS.length && PATH_CHARS[c]) {
                    return true;
                }
            }
            return false;
        }

        private static final boolean[] PATH_CHARS = new boolean[128];

        static {
            for (char c : new char[] {'/', '\\', ':', '<', '['}) {
                PATH_CHARS[c] = true;
            }
        }
    }

    /** A node of the prefix tree of name patterns; {@code terminal} when a pattern ends here. */
    private static final class Node {

        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private boolean terminal;
        /** Children by ASCII character, for nodes with many children (the root); null otherwise. */
        private Node @Nullable [] ascii;

        void add(String pattern) {
            Node n = this;
            for (int i = 0; i < pattern.length(); i++) {
                n = n.childOrAdd(pattern.charAt(i));
            }
            n.terminal = true;
        }

        private Node childOrAdd(char c) {
            Node child = child(c);
            if (child == null) {
                child = new Node();
                keys = Arrays.copyOf(keys, keys.length + 1);
                children = Arrays.copyOf(children, children.length + 1);
                keys[keys.length - 1] = c;
                children[children.length - 1] = child;
                if (keys.length > 4) {
                    Node[] table = new Node[128];
                    for (int i = 0; i < keys.length; i++) {
                        if (keys[i] < 128) {
                            table[keys[i]] = children[i];
                        }
                    }
                    ascii = table;
                }
            }
            return child;
        }

        @Nullable
        private Node child(char c) {
            Node[] table = ascii;
            if (table != null && c < 128) {
                return table[c];
            }
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        /** @return true when a pattern is a prefix of {@code s.substring(from)}; this node is the root */
        boolean prefixOf(String s, int from) {
            Node n = this;
            for (int i = from, end = s.length(); i < end; i++) {
                n = n.child(s.charAt(i));
                if (n == null) {
                    return false;
                }
                if (n.terminal) {
                    return true;
                }
            }
            return false;
        }

        /** @return true when a pattern is a prefix of {@code module + "." + function}, without building it */
        boolean prefixOfSymbol(String module, String function) {
            Node n = this;
            for (int i = 0, end = module.length(); i < end; i++) {
                n = n.child(module.charAt(i));
                if (n == null) {
                    return false;
                }
                if (n.terminal) {
                    return true;
                }
            }
            n = n.child('.');
            if (n == null) {
                return false;
            }
            if (n.terminal) {
                return true;
            }
            for (int i = 0, end = function.length(); i < end; i++) {
                n = n.child(function.charAt(i));
                if (n == null) {
                    return false;
                }
                if (n.terminal) {
                    return true;
                }
            }
            return false;
        }
    }
}
