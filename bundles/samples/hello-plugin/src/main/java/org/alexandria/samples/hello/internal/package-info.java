/** The sample plugin; its classes stay private to its bundle. */
@NullMarked
package org.alexandria.samples.hello.internal;

import org.jspecify.annotations.NullMarked;
