/**
 * Exact grouping: a versioned rule set turns a parsed trace into a SHA-256 fingerprint; traces with the
 * same fingerprint under the same rules are one crash group.
 */
@NullMarked
package org.alexandria.crash.internal.fingerprint;

import org.jspecify.annotations.NullMarked;
