/** SLA policies: business-hour clocks, due times on tickets and the scheduled breach check. */
@NullMarked
package org.alexandria.tickets.internal.sla;

import org.jspecify.annotations.NullMarked;
