/** Knowledge-base plugin: articles with versions and feedback, Lucene search and suggestions. */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@NullMarked
package org.alexandria.kb.internal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
