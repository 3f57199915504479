/**
 * Core platform services. Nothing here is exported: other bundles use the services through the API.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@NullMarked
package org.alexandria.core.internal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
