/**
 * The agents' web UI: static files served at {@code /ui/} through the OSGi HTTP Whiteboard. Nothing here is
 * exported; the UI reads and writes only through the public REST API with the signed-in user's credentials.
 */
@NullMarked
package org.alexandria.ui.internal;

import org.jspecify.annotations.NullMarked;
