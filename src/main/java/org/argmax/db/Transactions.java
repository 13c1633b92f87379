package org.argmax.db;

import java.sql.Connection;
import java.sql.SQLException;

/** One transaction on a connection, ended the same way by every writer (the repositories and {@link GroupCommit}). */
public final class Transactions {
    private Transactions() {
    }

    /** What runs inside the transaction; it must not commit, roll back or close the connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} with auto-commit off and commits; on any failure rolls back and rethrows the
     * first failure (a failed rollback is added to it as suppressed). Auto-commit is on again after.
     */
    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) { // e.g. H2 closed the database: keep the first failure
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException | RuntimeException ignored) {
                // the pool resets it, or has cut off a broken connection (Database: after a failed write, calls
                // fail here without reaching H2); this must not hide the first failure
            }
        }
    }

    /** A deadlock or serialization failure (PostgreSQL) or a lock time-out (H2): the same transaction may succeed if tried again. */
    public static boolean transientFailure(Exception e) {
        if (!(e instanceof SQLException sql)) return false;
        String state = sql.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
    }
}
