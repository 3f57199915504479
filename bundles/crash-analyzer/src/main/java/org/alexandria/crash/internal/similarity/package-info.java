/**
 * Near-duplicate search: ranks known traces by stack-trace similarity, a blend of TF-IDF cosine over
 * trace terms and ReBucket's position-dependent frame alignment.
 */
@NullMarked
package org.alexandria.crash.internal.similarity;

import org.jspecify.annotations.NullMarked;
