package org.alexandria.api.crash;

import org.jspecify.annotations.Nullable;

/**
 * One stack frame of a crash, top of the stack first.
 *
 * @param module   declaring class (Java, .NET) or shared library (native); null when the platform names only a file
 * @param function function or method name as printed
 * @param file     source file or URL, null when unknown
 * @param line     line number, -1 when unknown
 * @param inApp    true when the frame is the application's code rather than a runtime's or a library's
 */
public record CrashFrame(@Nullable String module, String function, @Nullable String file, int line, boolean inApp) {
}
