package org.argmax.db;

/**
 * A query or update failed while the server runs (disk full, database file unwritable, database
 * closed by H2 after such a failure, pool timeout). Thrown by every repository in place of the
 * {@link java.sql.SQLException}; the web layer answers 503 with a message and {@code Retry-After},
 * because the failure is usually temporary: {@link Database} reopens the database by itself once
 * the cause is gone. The message names what was being done and the root cause, for logs and the
 * command line; it is not shown to visitors.
 *
 * <p>{@link DatabaseException} is the other database failure: the database cannot be opened or
 * migrated at start, which stops the server with a message.
 */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(String doing, Throwable cause) {
        super(doing + ": " + Database.rootMessage(cause), cause);
    }
}
