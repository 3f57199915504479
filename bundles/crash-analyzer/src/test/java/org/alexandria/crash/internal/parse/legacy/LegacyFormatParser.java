package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import org.alexandria.crash.internal.trace.ParseResult;

/** Reads the traces of one platform. Implementations are stateless and thread-safe. */
interface LegacyFormatParser {

    /** @return true when the line is a stack frame in this format; used to detect the platform */
    boolean isFrame(String line);

    /**
     * Reads the first trace in the text; text around it (log lines, a ticket description) is skipped.
     * Frames are not yet classified as in-app.
     */
    ParseResult parse(String text);
}
