/**
 * Shared persistence services: versioned schema migrations for plugin-owned tables.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.alexandria.api.persistence;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
