/**
 * Ticket-to-resolution workflow: a Camel route that, for every new or changed ticket, correlates it with
 * crash groups, asks the knowledge base for articles and stores a resolution proposal that agents accept,
 * reject or relink. Nothing here is exported; it talks to the other plugins through their API services.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@NullMarked
package org.alexandria.workflow.resolution.internal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
