package org.alexandria.crash.internal.trace;

import org.jspecify.annotations.Nullable;

/**
 * One frame of a stack, top of the stack first within an exception.
 *
 * @param module   where the function lives: the declaring class for Java and .NET, the shared library
 *                 for native code; null when the platform names only a file (Python, JavaScript)
 * @param function the function or method name as printed, never empty
 * @param file     source file or URL, null when unknown
 * @param line     line number, {@link #NO_LINE} when unknown
 * @param inApp    true when the frame belongs to the application rather than to a runtime, library or
 *                 test harness, as decided by the {@link InAppRules} the parser was given
 */
public record StackFrame(@Nullable String module, String function, @Nullable String file, int line, boolean inApp) {

    /** The line number of a frame that has none. */
    public static final int NO_LINE = -1;

    /** @return a frame not yet classified as in-app */
    public static StackFrame of(@Nullable String module, String function, @Nullable String file, int line) {
        return new StackFrame(module, function, file, line, false);
    }

    /** @return this frame with the given in-app flag */
    public StackFrame withInApp(boolean value) {
        return value == inApp ? this : new StackFrame(module, function, file, line, value);
    }

    /** @return {@code module.function} for platforms with qualified names, otherwise the function */
    public String symbol() {
        return module == null ? function : module + "." + function;
    }
}
