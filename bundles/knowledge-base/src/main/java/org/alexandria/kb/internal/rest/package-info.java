/** REST edge of the knowledge base: {@code /api/v1/kb/...}; parses input, calls the service, maps results. */
@NullMarked
package org.alexandria.kb.internal.rest;

import org.jspecify.annotations.NullMarked;
