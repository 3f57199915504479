/** Karaf console commands {@code alexandria:resolution-show} and {@code alexandria:resolution-calibration}. */
@Header(name = "Karaf-Commands", value = "org.alexandria.workflow.resolution.internal.shell")
@NullMarked
package org.alexandria.workflow.resolution.internal.shell;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Header;
