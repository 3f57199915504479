package org.alexandria.crash.internal.normalize;

import java.util.regex.Pattern;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * Names frames by the code they run, not by how this build or run happened to name it. Line numbers
 * and addresses are not part of a {@link NormalizedFrame}; on top of that this removes
 * <ul>
 * <li>JVM generated names: {@code lambda$foo$3} &rarr; {@code lambda$foo}, {@code Foo$$Lambda$123/0x...}
 * &rarr; {@code Foo$$Lambda}, anonymous classes {@code Foo$1} &rarr; {@code Foo$anon}, proxies
 * ({@code $Proxy12}, {@code $$EnhancerByCGLIB$$1a2b}, {@code $ByteBuddy$abc}, {@code $MockitoMock$123},
 * {@code _$$_javassist_12}), reflection accessors ({@code GeneratedMethodAccessor12}), {@code access$000};</li>
 * <li>.NET compiler names: async state machines ({@code <Run>d__4.MoveNext} &rarr; {@code Run}), closures
 * ({@code <>c__DisplayClass3_0}, {@code <Main>b__0_0} &rarr; {@code lambda$Main}), generic method
 * arguments;</li>
 * <li>paths that vary between machines (directories above the package or the last two segments, URL
 * schemes and hosts, query strings) and bundle hashes ({@code main.3f2a9c1b.js} &rarr; {@code main.js});</li>
 * <li>native argument lists, {@code + offset}, GCC clone suffixes ({@code .isra.0}, {@code .cold}) and
 * shared-library versions ({@code libc.so.6} &rarr; {@code libc.so});</li>
 * <li>hex hash suffixes of eight or more characters on any name ({@code Foo$$abc12345}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class FrameNormalizer {

    private static final Pattern JAVA_LAMBDA_CLASS = Pattern.compile("\\$\\$Lambda(\\$\\d+)?(/0x[0-9a-fA-F]+)?(/\\d+)?");
    private static final Pattern JAVA_LAMBDA_METHOD = Pattern.compile("^lambda\\$(.*)\\$\\d+$");
    private static final Pattern JAVA_ACCESSOR = Pattern.compile("^access\\$\\d+$");
    private static final Pattern JAVA_CGLIB = Pattern.compile("\\$\\$(\\w+?)\\$\\$\\w+");
    private static final Pattern JAVA_BYTECODE_PROXY = Pattern.compile("\\$(ByteBuddy|MockitoMock|HibernateProxy)\\$\\w+");
    private static final Pattern JAVA_JAVASSIST = Pattern.compile("_\\$\\$_\\w+");
    private static final Pattern JAVA_PROXY = Pattern.compile("\\$Proxy\\d+");
    private static final Pattern JAVA_REFLECTION = Pattern.compile("(Generated\\w*Accessor)\\d+");
    private static final Pattern JAVA_ANONYMOUS = Pattern.compile("\\$\\d+(?=\\$|$)");
    private static final Pattern DOTNET_ASYNC = Pattern.compile("^(.*)[.+]<([^>]+)>d__\\w+$");
    private static final Pattern DOTNET_CLOSURE_CLASS = Pattern.compile("[.+]<>c(__DisplayClass\\w+)?");
    private static final Pattern DOTNET_LAMBDA = Pattern.compile("^<([^>]+)>b__\\w+$");
    private static final Pattern DOTNET_GENERIC_ARGS = Pattern.compile("\\[[^\\]]*\\]$");
    private static final Pattern HASH_SUFFIX = Pattern.compile("[$_.-](?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}$");
    private static final Pattern BUNDLE_HASH = Pattern.compile("[.-](?=[A-Za-z0-9_]*\\d)[A-Za-z0-9_]{6,}(?=\\.(m?js|cjs|jsx|ts|tsx|css)$)");
    private static final Pattern URL_PREFIX = Pattern.compile("^[a-zA-Z][\\w+.-]*://(/*[^/]*(?=/))?");
    private static final Pattern NATIVE_CLONE = Pattern.compile("(\\.(isra|constprop|part|cold|lto_priv|localalias)(\\.\\d+)?)+$");
    private static final Pattern LIBRARY_VERSION = Pattern.compile("(\\.so)(\\.\\d+)+$");

    /** Marks where the package root starts in a path; the prefix before it depends on the machine. */
    private static final String[] PACKAGE_ROOTS = {"/site-packages/", "/dist-packages/", "/node_modules/"};

    /** @return the frame's normalized unit and function */
    public NormalizedFrame normalize(Platform platform, StackFrame frame) {
        return switch (platform) {
            case JAVA -> java(frame);
            case DOTNET -> dotnet(frame);
            case NATIVE -> nativeFrame(frame);
            case PYTHON, JAVASCRIPT -> new NormalizedFrame(path(frame.file()), scripted(frame.function()));
        };
    }

    private static NormalizedFrame java(StackFrame frame) {
        String unit = frame.module() == null ? "" : frame.module();
        // each pattern runs only when the text it needs is there: ordinary frames cost no regex at all
        if (unit.indexOf('$') >= 0) {
            if (unit.contains("$$Lambda")) {
                unit = JAVA_LAMBDA_CLASS.matcher(unit).replaceAll("\\$\\$Lambda");
            }
            if (unit.contains("$$")) {
                unit = JAVA_CGLIB.matcher(unit).replaceAll("\\$\\$$1");
            }
            if (unit.indexOf('$') >= 0) {
                unit = JAVA_BYTECODE_PROXY.matcher(unit).replaceAll("\\$$1");
            }
            if (unit.contains("_$$_")) {
                unit = JAVA_JAVASSIST.matcher(unit).replaceAll("_\\$\\$_");
            }
            if (unit.contains("$Proxy")) {
                unit = JAVA_PROXY.matcher(unit).replaceAll("\\$Proxy");
            }
        }
        if (unit.contains("Generated")) {
            unit = JAVA_REFLECTION.matcher(unit).replaceAll("$1");
        }
        if (unit.indexOf('$') >= 0) {
            unit = JAVA_ANONYMOUS.matcher(unit).replaceAll("\\$anon");
        }
        String function = frame.function();
        if (function.startsWith("lambda$")) {
            function = JAVA_LAMBDA_METHOD.matcher(function).replaceAll("lambda\\$$1");
        }
        if (function.startsWith("access$")) {
            function = JAVA_ACCESSOR.matcher(function).replaceAll("access\\$");
        }
        return new NormalizedFrame(unhash(unit), unhash(function));
    }

    private static NormalizedFrame dotnet(StackFrame frame) {
        String unit = frame.module() == null ? "" : frame.module();
        String function = DOTNET_GENERIC_ARGS.matcher(frame.function()).replaceAll("");
        var async = DOTNET_ASYNC.matcher(unit);
        if (async.matches() && function.equals("MoveNext")) {
            unit = async.group(1);
            function = async.group(2);
        }
        unit = DOTNET_CLOSURE_CLASS.matcher(unit).replaceAll("");
        function = DOTNET_LAMBDA.matcher(function).replaceAll("lambda\\$$1");
        return new NormalizedFrame(unhash(unit), unhash(function));
    }

    private static NormalizedFrame nativeFrame(StackFrame frame) {
        String function = frame.function();
        int args = function.indexOf('(', function.startsWith("(anonymous namespace)") ? 21 : 0);
        if (args > 0 && function.endsWith(")")) {
            function = function.substring(0, args);
        }
        function = NATIVE_CLONE.matcher(function.strip()).replaceAll("");
        function = function.equals("??") ? "?" : function;
        String unit = frame.module() != null ? LIBRARY_VERSION.matcher(baseName(frame.module())).replaceAll("$1")
                : frame.file() != null ? baseName(frame.file()) : "";
        return new NormalizedFrame(unit, function);
    }

    /** V8 names constructor calls {@code new Foo}; the constructor is the same code either way. */
    private static String scripted(String function) {
        return unhash(function.startsWith("new ") ? function.substring(4) : function);
    }

    /**
     * Keeps what identifies a script across machines and deployments: the path below the package root
     * ({@code site-packages}, {@code node_modules}) or else the last two segments, without URL scheme,
     * host, query, fragment, bundle hash, or Python's compiled suffix.
     */
    static String path(@Nullable String file) {
        if (file == null) {
            return "";
        }
        String p = file.replace('\\', '/');
        int query = indexOfAny(p, '?', '#');
        p = query >= 0 ? p.substring(0, query) : p;
        if (p.contains("://")) {
            p = URL_PREFIX.matcher(p).replaceFirst("");
        }
        String below = null;
        for (String root : PACKAGE_ROOTS) {
            int at = p.lastIndexOf(root);
            if (at >= 0) {
                below = p.substring(at + root.length());
            }
        }
        if (below == null) {
            int last = p.lastIndexOf('/');
            int previous = last <= 0 ? -1 : p.lastIndexOf('/', last - 1);
            below = p.substring(previous + 1);
        }
        below = BUNDLE_HASH.matcher(below).replaceAll("");
        return below.endsWith(".pyc") ? below.substring(0, below.length() - 1) : below;
    }

    private static String unhash(String name) {
        return mayEndInHash(name) ? HASH_SUFFIX.matcher(name).replaceAll("") : name;
    }

    /**
     * A cheap necessary condition for {@link #HASH_SUFFIX}: eight or more hex digits at the end of the name, or
     * before a final line terminator (where a regex {@code $} also matches).
     */
    private static boolean mayEndInHash(String name) {
        int end = name.length();
        if (hexRunBefore(name, end) >= 8) {
            return true;
        }
        if (name.endsWith("\r\n")) {
            return hexRunBefore(name, end - 2) >= 8;
        }
        if (end > 0) {
            char last = name.charAt(end - 1);
            if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
                return hexRunBefore(name, end - 1) >= 8;
            }
        }
        return false;
    }

    /** @return how many hex digits directly precede {@code end} */
    private static int hexRunBefore(String s, int end) {
        int i = end;
        while (i > 0 && isHex(s.charAt(i - 1))) {
            i--;
        }
        return end - i;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
