/** Crash analyzer plugin: parses crash logs and stack traces, fingerprints and groups them, ranks similar crashes. */
@NullMarked
package org.alexandria.crash.internal;

import org.jspecify.annotations.NullMarked;
