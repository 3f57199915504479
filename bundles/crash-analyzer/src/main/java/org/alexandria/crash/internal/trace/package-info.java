/**
 * The parsed form of a crash: platform, exceptions of the cause chain and their stack frames, plus the
 * rules that tell application frames from framework frames.
 */
@NullMarked
package org.alexandria.crash.internal.trace;

import org.jspecify.annotations.NullMarked;
