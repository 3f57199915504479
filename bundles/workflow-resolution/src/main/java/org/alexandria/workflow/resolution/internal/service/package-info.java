/** The workflow's steps, each a plain service call unit-testable alone, and the agents' decisions. */
@NullMarked
package org.alexandria.workflow.resolution.internal.service;

import org.jspecify.annotations.NullMarked;
