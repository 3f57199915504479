/**
 * The crash analyzer service: ingestion, grouping, matching, merge and split, on top of the parsing,
 * fingerprinting and similarity engine and the store.
 */
@NullMarked
package org.alexandria.crash.internal.service;

import org.jspecify.annotations.NullMarked;
