package org.alexandria.api.rest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one pagination envelope of the REST API: pass {@code nextCursor} back as {@code cursor} to get the
 * next page; it is null on the last page.
 *
 * @param items      this page's items
 * @param limit      the page size that was applied
 * @param nextCursor opaque cursor of the next page, or null
 * @param <T>        item type
 */
public record Page<T>(List<T> items, int limit, @Nullable String nextCursor) {
}
