/** REST: {@code /api/v1/tickets/{key}/resolution}. */
@NullMarked
package org.alexandria.workflow.resolution.internal.rest;

import org.jspecify.annotations.NullMarked;
