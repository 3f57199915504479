package org.alexandria.crash.internal.store;

import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

/** Runs work in a resource-local transaction with its own entity manager, retrying on conflicts. */
final class Tx {

    /** Attempts of a transaction that lost a race (unique key taken, deadlock, lock timeout). */
    static final int ATTEMPTS = 5;

    private Tx() {
    }

    /**
     * Runs the work in a transaction; when another transaction got in the way (a unique key it also inserted,
     * a deadlock, a serialization failure or a lock timeout) the work is rolled back and run again.
     */
    static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return once(emf, work);
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    static <T> T read(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private static <T> T once(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** SQL states of a lost race, the same on H2 and PostgreSQL: 23505 unique violation, 40xxx, HYT00 lock timeout. */
    static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505") || state.startsWith("40") || state.equals("HYT00") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
