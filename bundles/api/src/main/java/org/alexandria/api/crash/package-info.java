/**
 * Crash analysis: the service the crash-analyzer plugin provides to ingest crash reports and find crash groups.
 */
@Export
@Version("1.2.0")
@NullMarked
package org.alexandria.api.crash;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
