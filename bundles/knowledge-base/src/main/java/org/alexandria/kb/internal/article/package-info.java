/**
 * Articles in the database: entities, validation, versions, suggestion records and feedback. No index code here:
 * the service in the parent package keeps the index in step with this store.
 */
@NullMarked
package org.alexandria.kb.internal.article;

import org.jspecify.annotations.NullMarked;
