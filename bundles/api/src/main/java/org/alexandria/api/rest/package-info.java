/**
 * Conventions for REST resources contributed by plugins: the component property type that puts a resource behind the platform's security and JSON handling, the pagination envelope and per-method request body limits ({@link org.alexandria.api.rest.MaxBodySize}).
 */
@Export
@Version("1.1.0")
@NullMarked
package org.alexandria.api.rest;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
