/** The workflow's records: proposals, links, decisions, as stored and as shown over REST. */
@NullMarked
package org.alexandria.workflow.resolution.internal.model;

import org.jspecify.annotations.NullMarked;
