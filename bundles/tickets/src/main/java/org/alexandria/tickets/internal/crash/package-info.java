/** Hands crash logs attached to tickets to the crash analyzer, when one is installed. */
@NullMarked
package org.alexandria.tickets.internal.crash;

import org.jspecify.annotations.NullMarked;
