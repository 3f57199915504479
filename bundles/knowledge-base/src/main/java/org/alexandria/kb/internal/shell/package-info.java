/** Karaf console commands of the knowledge base. */
@Header(name = "Karaf-Commands", value = "org.alexandria.kb.internal.shell")
@NullMarked
package org.alexandria.kb.internal.shell;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
