/** Thin Karaf console commands; each parses its arguments, calls one service and prints a table. */
@Header(name = "Karaf-Commands", value = "org.alexandria.shell.internal")
@NullMarked
package org.alexandria.shell.internal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
