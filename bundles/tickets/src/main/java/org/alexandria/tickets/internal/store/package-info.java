/** Plain JDBC access to the plugin's tables ({@code tkt_*}, created by the migrations in db/migration/tickets). */
@NullMarked
package org.alexandria.tickets.internal.store;

import org.jspecify.annotations.NullMarked;
