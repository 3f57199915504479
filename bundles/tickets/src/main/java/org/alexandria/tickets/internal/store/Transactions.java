package org.alexandria.tickets.internal.store;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * Work on the {@code alexandria-tickets} unit, each call with its own entity manager: changes in one resource-local
 * transaction (committed when the work returns, rolled back when it throws), reads without one. Database errors
 * become what the caller should see ({@link #translate}).
 */
public final class Transactions {

    /** Work with one entity manager. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param em the entity manager, in a transaction for {@link Transactions#tx}
         * @return the result
         */
        T run(EntityManager em);
    }

    private final EntityManagerFactory emf;

    /** @param emf the {@code alexandria-tickets} unit, schema migrated */
    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * Runs the work in one transaction.
     *
     * @param what describes the work for error messages
     * @param work the work
     * @param <T>  result type
     * @return the work's result
     */
    public <T> T tx(String what, Work<T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.run(em);
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            throw translate(what, e);
        } finally {
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            } finally {
                em.close();
            }
        }
    }

    /**
     * Runs read-only work outside a transaction.
     *
     * @param what describes the work for error messages
     * @param work the work
     * @param <T>  result type
     * @return the work's result
     */
    public <T> T read(String what, Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.run(em);
        } catch (PersistenceException e) {
            throw translate(what, e);
        } finally {
            em.close();
        }
    }

    /**
     * Removes an entity and writes the removal at once.
     *
     * @param em     entity manager in a transaction
     * @param entity the entity class
     * @param id     its id
     * @return whether it existed
     */
    public static boolean remove(EntityManager em, Class<?> entity, Object id) {
        Object found = em.find(entity, id);
        if (found == null) {
            return false;
        }
        em.remove(found);
        em.flush();
        return true;
    }

    /**
     * Turns a database error into what the caller should see: a unique-constraint violation or a concurrent change
     * is a 409 conflict (someone else created or changed the same thing), a foreign-key violation a 409 too, anything
     * else a {@link StoreException}.
     *
     * @param what what was being done
     * @param e    the error
     * @return the exception to throw
     */
    static RuntimeException translate(String what, PersistenceException e) {
        String state = sqlState(e);
        if ("23505".equals(state)) {
            return new ProblemException(409, "conflict", "Conflict", what + ": an entry with the same unique value exists");
        }
        if ("23503".equals(state) || "23506".equals(state)) {
            return new ProblemException(409, "conflict", "Conflict", what + ": it is still referenced, or refers to something that does not exist");
        }
        if (e instanceof OptimisticLockException) {
            return new ProblemException(409, "conflict", "Conflict", what + ": changed by someone else at the same time");
        }
        return new StoreException(what, e);
    }

    /**
     * The SQL state of the driver's exception under EclipseLink's (the same codes on H2 and PostgreSQL). Read by name,
     * so that the plugin's code stays free of JDBC types.
     */
    static @Nullable String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
