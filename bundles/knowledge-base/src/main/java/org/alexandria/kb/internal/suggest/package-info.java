/** Suggests knowledge-base articles for a ticket or crash text from the article index. */
@NullMarked
package org.alexandria.kb.internal.suggest;

import org.jspecify.annotations.NullMarked;
