package org.alexandria.core.internal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.AuditVerification;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.event.AuditAppended;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.core.internal.persistence.Transactions;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail in the platform database. Appends lock the chain's head row, so entries from all nodes
 * form one gap-free sequence; the entries and the new head commit together. Concurrent appends on one node are
 * written together (group commit): while one transaction holds the head, the appends that arrive queue up and the
 * next transaction writes them all, so the head's lock and the commit are paid once per batch, not per entry.
 */
@Component(service = AuditTrail.class)
public final class JpaAuditTrail implements AuditTrail {

    private static final int VERIFY_BATCH = 1000;

    private final EntityManagerFactory emf;
    private final EventBus events;
    private final Clock clock;
    /** Appends waiting to be written; the thread that finds no batch being written writes all of them. */
    private final List<Pending> queue = new ArrayList<>();
    /** Whether a thread is writing a batch (guarded by {@link #queue}). */
    private boolean writing;

    /**
     * @param emf      the core persistence unit
     * @param migrator applies the core schema before first use
     * @param events   where {@link Topics#AUDIT_APPENDED} goes
     */
    @Activate
    public JpaAuditTrail(@Reference(target = "(osgi.unit.name=alexandria-core)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference EventBus events) {
        this(emf, migrator, events, Clock.systemUTC());
    }

    JpaAuditTrail(EntityManagerFactory emf, SchemaMigrator migrator, EventBus events, Clock clock) {
        migrator.migrate("core", JpaAuditTrail.class, "db/migration/core");
        this.emf = emf;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(AuditRecord record) {
        Pending mine = new Pending(record);
        List<Pending> batch;
        boolean interrupted = false;
        synchronized (queue) {
            queue.add(mine);
            while (writing && !mine.done) {
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    // the entry is queued and may be written by another thread: wait for its outcome regardless
                    interrupted = true;
                }
            }
            if (mine.done) {
                batch = List.of();
            } else {
                writing = true;
                batch = new ArrayList<>(queue);
                queue.clear();
            }
        }
        if (!batch.isEmpty()) {
            try {
                write(batch);
            } catch (Error e) {
                for (Pending p : batch) {
                    if (!p.done) {
                        p.complete(null, new IllegalStateException("the audit entry was not written: " + e, e));
                    }
                }
                throw e;
            } finally {
                synchronized (queue) {
                    writing = false;
                    queue.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        AuditEntry entry = mine.outcome();
        events.publish(Topics.AUDIT_APPENDED, "core", new AuditAppended(entry.sequence(), entry.target().type(),
                entry.target().id(), entry.action(), entry.actor().name()));
        return entry;
    }

    /**
     * Writes the queued appends in one transaction, one lock of the head row and one commit for all (group commit);
     * if that fails and there were several, each alone, so that one bad record fails only its own append. Every
     * pending append is done afterwards, with its entry or its failure.
     */
    void write(List<Pending> batch) {
        try {
            List<AuditEntry> entries = Transactions.inTransaction(emf, em -> {
                AuditHead head = AuditHead.lock(em);
                List<AuditEntry> written = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    written.add(head.append(em, p.record, clock.millis()));
                }
                head.store();
                return written;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(entries.get(i), null);
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).complete(null, e);
                return;
            }
            for (Pending p : batch) {
                write(List.of(p));
            }
        }
    }

    /** The chain's head row, locked for one transaction, and the entries appended to it. */
    private static final class AuditHead {
        private final AuditHeadEntity row;
        private long lastSeq;
        private String lastHash;

        private AuditHead(AuditHeadEntity row) {
            this.row = row;
            this.lastSeq = row.lastSeq;
            this.lastHash = row.lastHash;
        }

        static AuditHead lock(EntityManager em) {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                throw new IllegalStateException("audit trail head row is missing; the core schema is not migrated");
            }
            return new AuditHead(head);
        }

        AuditEntry append(EntityManager em, AuditRecord record, long recordedMs) {
            AuditEntryEntity e = new AuditEntryEntity();
            e.seq = lastSeq + 1;
            e.recordedMs = recordedMs;
            e.actorType = record.actor().type().name();
            e.actorName = record.actor().name();
            e.action = record.action();
            e.entityType = record.target().type();
            e.entityId = record.target().id();
            e.reason = record.reason();
            e.beforeState = record.before();
            e.afterState = record.after();
            e.prevHash = lastHash;
            e.hash = AuditHasher.hash(e);
            em.persist(e);
            lastSeq = e.seq;
            lastHash = e.hash;
            return toEntry(e);
        }

        void store() {
            row.lastSeq = lastSeq;
            row.lastHash = lastHash;
        }
    }

    /** An append waiting for its batch. */
    static final class Pending {
        final AuditRecord record;
        volatile boolean done;
        @Nullable AuditEntry entry;
        @Nullable RuntimeException failure;

        Pending(AuditRecord record) {
            this.record = record;
        }

        // set by the writing thread, read by the appending thread after the queue's monitor hands it over
        synchronized void complete(@Nullable AuditEntry written, @Nullable RuntimeException error) {
            entry = written;
            failure = error;
            done = true;
        }

        synchronized AuditEntry outcome() {
            if (failure != null) {
                throw failure;
            }
            if (entry == null) {
                throw new IllegalStateException("audit append finished without an entry");
            }
            return entry;
        }
    }

    @Override
    public List<AuditEntry> query(AuditQuery q) {
        return Transactions.read(emf, em -> {
            StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntryEntity e WHERE e.seq > :after");
            if (q.entityType() != null) {
                jpql.append(" AND e.entityType = :entityType");
            }
            if (q.entityId() != null) {
                jpql.append(" AND e.entityId = :entityId");
            }
            if (q.actor() != null) {
                jpql.append(" AND e.actorName = :actor");
            }
            if (q.from() != null) {
                jpql.append(" AND e.recordedMs >= :from");
            }
            if (q.to() != null) {
                jpql.append(" AND e.recordedMs < :to");
            }
            jpql.append(" ORDER BY e.seq");
            TypedQuery<AuditEntryEntity> query = em.createQuery(jpql.toString(), AuditEntryEntity.class);
            query.setParameter("after", q.afterSequence());
            if (q.entityType() != null) {
                query.setParameter("entityType", q.entityType());
            }
            if (q.entityId() != null) {
                query.setParameter("entityId", q.entityId());
            }
            if (q.actor() != null) {
                query.setParameter("actor", q.actor());
            }
            if (q.from() != null) {
                query.setParameter("from", q.from().toEpochMilli());
            }
            if (q.to() != null) {
                query.setParameter("to", q.to().toEpochMilli());
            }
            query.setMaxResults(q.limit());
            return query.getResultList().stream().map(JpaAuditTrail::toEntry).toList();
        });
    }

    @Override
    public AuditVerification verify() {
        return Transactions.read(emf, em -> {
            List<String> problems = new ArrayList<>();
            Long firstBad = null;
            long expectedSeq = 1;
            String expectedPrev = AuditHasher.GENESIS;
            long checked = 0;
            List<AuditEntryEntity> batch;
            AuditHeadEntity head;
            long checkedBefore;
            do {
                checkedBefore = checked;
                do {
                    batch = page(em, expectedSeq - 1);
                    for (AuditEntryEntity e : batch) {
                        checked++;
                        if (e.seq != expectedSeq) {
                            problems.add("entries " + expectedSeq + ".." + (e.seq - 1) + " are missing");
                            firstBad = firstBad == null ? expectedSeq : firstBad;
                        } else if (!e.prevHash.equals(expectedPrev)) {
                            problems.add("entry " + e.seq + " does not link to its predecessor");
                            firstBad = firstBad == null ? e.seq : firstBad;
                        }
                        if (!AuditHasher.hash(e).equals(e.hash)) {
                            problems.add("entry " + e.seq + " was modified (hash mismatch)");
                            firstBad = firstBad == null ? e.seq : firstBad;
                        }
                        expectedSeq = e.seq + 1;
                        expectedPrev = e.hash;
                    }
                    em.clear();
                } while (batch.size() == VERIFY_BATCH);
                head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
                // An append that committed after the last page was read has moved the head on. Its entry
                // committed together with the head and is visible now: read on instead of reporting it missing.
            } while (head != null && head.lastSeq > expectedSeq - 1 && checked > checkedBefore);
            long last = expectedSeq - 1;
            if (head == null) {
                problems.add("the chain's head record is missing");
            } else if (head.lastSeq != last || !head.lastHash.equals(expectedPrev)) {
                problems.add("the chain ends at entry " + last + " but its head records entry " + head.lastSeq
                        + ": entries were removed from the end or the head was altered");
                firstBad = firstBad == null ? Math.min(last + 1, head.lastSeq) : firstBad;
            }
            return new AuditVerification(problems.isEmpty(), checked, firstBad, List.copyOf(problems));
        });
    }

    private static List<AuditEntryEntity> page(EntityManager em, long afterSeq) {
        return em.createQuery("SELECT e FROM AuditEntryEntity e WHERE e.seq > :after ORDER BY e.seq", AuditEntryEntity.class)
                .setParameter("after", afterSeq).setMaxResults(VERIFY_BATCH).getResultList();
    }

    private static AuditEntry toEntry(AuditEntryEntity e) {
        return new AuditEntry(e.seq, Instant.ofEpochMilli(e.recordedMs), new Actor(Actor.Type.valueOf(e.actorType), e.actorName),
                e.action, new EntityRef(e.entityType, e.entityId), e.reason, e.beforeState, e.afterState, e.prevHash, e.hash);
    }
}
