/**
 * Correlation engine: gathers the signals that tie a ticket to crash groups and scores each candidate in
 * [0, 1] with an explanation. Plain Java over the API services, unit-testable without Camel or OSGi.
 */
@NullMarked
package org.alexandria.workflow.resolution.internal.correlation;

import org.jspecify.annotations.NullMarked;
