/**
 * Tickets: the service the tickets plugin provides and the DTOs that cross plugin boundaries (REST, workflows, events).
 */
@Export
@Version("1.2.0")
@NullMarked
package org.alexandria.api.ticket;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
