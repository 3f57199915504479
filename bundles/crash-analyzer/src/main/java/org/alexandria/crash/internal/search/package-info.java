/**
 * Full-text search over the crash groups (BM25 on Lucene) for texts that carry no usable stack trace.
 */
@NullMarked
package org.alexandria.crash.internal.search;

import org.jspecify.annotations.NullMarked;
