package org.alexandria.tickets.internal.store;

/**
 * Hands out ticket numbers from blocks reserved in {@code tkt_counter} (hi/lo). Reserving a block is a transaction of
 * its own that locks the counter row only for that moment, so creating tickets does not hold the row until its
 * commit: before, every creation on every node waited for the previous one's whole transaction.
 *
 * <p>Numbers stay unique across nodes sharing the database (each node takes whole blocks) and increase on each node;
 * tickets from different nodes interleave by block, and numbers of a block not used before a restart, or taken by a
 * creation that then failed, are skipped: keys may have gaps.
 */
public final class TicketNumbers {

    /** Numbers reserved at once: one short counter transaction per this many tickets, at most this many lost on a restart. */
    public static final int BLOCK = 20;

    private final Transactions db;
    private final TicketStore store;
    private final int block;
    private long next;
    private long end;

    /**
     * @param db    the plugin's database access
     * @param store the ticket store that owns the counter row
     */
    public TicketNumbers(Transactions db, TicketStore store) {
        this(db, store, BLOCK);
    }

    TicketNumbers(Transactions db, TicketStore store, int block) {
        this.db = db;
        this.store = store;
        this.block = block;
    }

    /** @return a number no other call, on this node or another, gets */
    public synchronized long next() {
        if (next >= end) {
            // callers queue here for the reservation's short transaction, which happens once per block
            next = db.tx("reserving ticket numbers", em -> store.reserve(em, block));
            end = next + block;
        }
        return next++;
    }
}
