/**
 * Typed domain events: topic constants, payload records and the publish/subscribe API on top of OSGi EventAdmin.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.alexandria.api.event;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
