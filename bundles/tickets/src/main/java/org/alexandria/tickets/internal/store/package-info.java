/**
 * Persistence of the plugin's tables ({@code tkt_*}, created by the migrations in db/migration/tickets): JPA
 * entities of the unit {@code alexandria-tickets}, the stores that read and write them and the transaction helper.
 */
@NullMarked
package org.alexandria.tickets.internal.store;

import org.jspecify.annotations.NullMarked;
