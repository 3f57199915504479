/**
 * A frozen copy of the crash parsing, normalization and fingerprinting code as it was before the throughput
 * work (docs/performance.md, "Crash parsing throughput"), kept in test code only. {@code EquivalenceTest}
 * checks that the optimised production code gives exactly the same parse results and fingerprints on the
 * development traces, the samples and random trace-like text. Do not change these classes: they are the
 * reference.
 */
@NullMarked
package org.alexandria.crash.internal.parse.legacy;

import org.jspecify.annotations.NullMarked;
