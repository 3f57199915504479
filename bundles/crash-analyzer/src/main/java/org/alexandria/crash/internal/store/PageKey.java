package org.alexandria.crash.internal.store;

/**
 * Position in a list sorted by a number descending, then by id ascending: the last item of a page.
 *
 * @param value the sort value (a count or a time in ms)
 * @param id    the item's id
 */
public record PageKey(long value, String id) {
}
