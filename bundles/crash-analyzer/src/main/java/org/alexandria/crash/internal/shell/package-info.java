/** Karaf console commands {@code alexandria:crash-groups} and {@code alexandria:crash-show}. */
@Header(name = "Karaf-Commands", value = "org.alexandria.crash.internal.shell")
@NullMarked
package org.alexandria.crash.internal.shell;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
