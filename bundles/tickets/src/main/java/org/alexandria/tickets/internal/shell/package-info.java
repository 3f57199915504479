/** Karaf console commands of the tickets plugin; each parses its arguments, calls the ticket service and prints. */
@Header(name = "Karaf-Commands", value = "org.alexandria.tickets.internal.shell")
@NullMarked
package org.alexandria.tickets.internal.shell;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
