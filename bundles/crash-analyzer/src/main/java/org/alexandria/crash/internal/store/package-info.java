/**
 * Persistence of crash reports and crash groups: JPA entities of the unit {@code alexandria-crash-analyzer},
 * the group statistics and the queries behind the lists.
 */
@NullMarked
package org.alexandria.crash.internal.store;

import org.jspecify.annotations.NullMarked;
