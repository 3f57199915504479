/** REST: {@code /api/v1/tickets/{id}/resolution}. */
@NullMarked
package org.alexandria.workflow.resolution.internal.rest;

import org.jspecify.annotations.NullMarked;
