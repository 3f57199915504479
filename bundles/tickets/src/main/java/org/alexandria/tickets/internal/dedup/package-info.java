/**
 * Duplicate detection for tickets: a Lucene index of ticket texts that answers "which existing tickets may
 * report the same thing as this one?" with scores and a short explanation. Plain Java, no OSGi: the
 * tickets plugin's components own an {@link org.alexandria.tickets.internal.dedup.DuplicateIndex} and feed it
 * ticket events.
 */
@NullMarked
package org.alexandria.tickets.internal.dedup;

import org.jspecify.annotations.NullMarked;
