/** Knowledge-base plugin: articles with versions and feedback, Lucene search and suggestions. */
@NullMarked
package org.alexandria.kb.internal;

import org.jspecify.annotations.NullMarked;
