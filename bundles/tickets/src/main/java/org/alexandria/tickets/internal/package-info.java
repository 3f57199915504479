/** Tickets plugin: tickets, customers, conversations, SLAs and duplicate detection. */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@NullMarked
package org.alexandria.tickets.internal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
