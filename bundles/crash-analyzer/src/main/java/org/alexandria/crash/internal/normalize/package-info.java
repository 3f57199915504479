/**
 * Normalization: turns frames and messages into keys that stay the same across builds, machines and
 * runs (no line numbers, addresses, generated names or hashes), and collapses recursion.
 */
@NullMarked
package org.alexandria.crash.internal.normalize;

import org.jspecify.annotations.NullMarked;
