/** The workflow's tables (EclipseLink JPA, unit {@code alexandria-workflow-resolution}). */
@NullMarked
package org.alexandria.workflow.resolution.internal.store;

import org.jspecify.annotations.NullMarked;
