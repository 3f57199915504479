/**
 * Lucene index of knowledge-base articles: analysis, the article and question documents, consistent updates
 * by article id and filtered, highlighted full-text search.
 */
@NullMarked
package org.alexandria.kb.internal.search;

import org.jspecify.annotations.NullMarked;
