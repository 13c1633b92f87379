package org.argmax.db;

/**
 * The database cannot be opened or migrated at start; the message says why in words a self-hoster
 * can act on. Failures of single queries while the server runs are {@link DataAccessException}s.
 */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
