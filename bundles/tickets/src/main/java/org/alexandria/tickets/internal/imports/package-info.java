/** Bulk ticket import from CSV (Apache Commons CSV) and JSON, row by row with a per-row error report. */
@NullMarked
package org.alexandria.tickets.internal.imports;

import org.jspecify.annotations.NullMarked;
