/**
 * Conventions for REST resources contributed by plugins: the component property type that puts a resource behind the platform's security and JSON handling, and the pagination envelope.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.alexandria.api.rest;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
