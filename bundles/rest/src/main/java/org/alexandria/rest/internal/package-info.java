/** The REST edge of the platform; nothing here is exported. */
@NullMarked
package org.alexandria.rest.internal;

import org.jspecify.annotations.NullMarked;
