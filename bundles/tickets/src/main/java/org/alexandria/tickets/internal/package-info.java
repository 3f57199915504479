/** Tickets plugin: tickets, customers, conversations, SLAs and duplicate detection. */
@NullMarked
package org.alexandria.tickets.internal;

import org.jspecify.annotations.NullMarked;
