/**
 * Stack-trace parsers: {@link org.alexandria.crash.internal.parse.CrashParser} detects the platform of a
 * text and hands it to the matching format parser. Parsers never throw and work within
 * {@link org.alexandria.crash.internal.parse.ParseLimits}.
 */
@NullMarked
package org.alexandria.crash.internal.parse;

import org.jspecify.annotations.NullMarked;
