/** REST resources of the tickets plugin: thin JAX-RS whiteboard components that call one service each. */
@NullMarked
package org.alexandria.tickets.internal.rest;

import org.jspecify.annotations.NullMarked;
