/**
 * The append-only, hash-chained audit trail every automated and manual step is recorded in.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.alexandria.api.audit;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
