/**
 * Knowledge base: the service the knowledge-base plugin provides to search articles and suggest them for a text.
 */
@Export
@Version("1.1.0")
@NullMarked
package org.alexandria.api.kb;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
