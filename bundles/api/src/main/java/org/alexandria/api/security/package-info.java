/**
 * Roles and the authenticated caller as seen by REST resources.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.alexandria.api.security;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
