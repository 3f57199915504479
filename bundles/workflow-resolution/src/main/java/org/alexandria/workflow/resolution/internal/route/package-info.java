/** The Camel routes of the ticket-to-resolution workflow. */
@NullMarked
package org.alexandria.workflow.resolution.internal.route;

import org.jspecify.annotations.NullMarked;
