/**
 * Crash analyzer plugin: parses crash logs and stack traces, fingerprints and groups them, ranks similar
 * crashes. Nothing here is exported; other bundles use {@link org.alexandria.api.crash.CrashAnalyzer}.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@NullMarked
package org.alexandria.crash.internal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
