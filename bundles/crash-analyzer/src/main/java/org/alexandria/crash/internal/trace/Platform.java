package org.alexandria.crash.internal.trace;

/** The runtime that printed a trace; it decides how the trace is read and how its frames are named. */
public enum Platform {
    /** JVM languages: {@code Caused by:}, {@code Suppressed:}, {@code ... N more}. */
    JAVA,
    /** CPython tracebacks, including chained exceptions. */
    PYTHON,
    /** V8 ({@code at fn (file:line:col)}) and Firefox/Safari ({@code fn@file:line:col}) stacks. */
    JAVASCRIPT,
    /** .NET exceptions with {@code --->} inner exceptions. */
    DOTNET,
    /** gdb and lldb backtraces of native code. */
    NATIVE
}
