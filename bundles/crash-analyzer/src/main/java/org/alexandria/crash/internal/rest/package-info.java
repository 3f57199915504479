/** REST resources of the crash analyzer under {@code /api/v1/crash-reports} and {@code /api/v1/crash-groups}. */
@NullMarked
package org.alexandria.crash.internal.rest;

import org.jspecify.annotations.NullMarked;
