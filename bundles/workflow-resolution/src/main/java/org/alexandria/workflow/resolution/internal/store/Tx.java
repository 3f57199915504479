package org.alexandria.workflow.resolution.internal.store;

import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;

/** Resource-local transactions with their own entity manager; a transaction that lost a race is run again. */
final class Tx {

    private static final int ATTEMPTS = 5;

    private Tx() {
    }

    static <T> T write(EntityManagerFactory emf, Function<EntityManager, T> work) {
        for (int attempt = 1;; attempt++) {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            try {
                tx.begin();
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
                em.close();
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

    /** Unique key taken (23505), serialization failure or deadlock (40xxx), lock timeout, or a stale row version. */
    static boolean lostRace(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof RollbackException && t.getCause() instanceof OptimisticLockException) {
                return true;
            }
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
