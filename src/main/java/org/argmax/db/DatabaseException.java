package org.argmax.db;

/** The database cannot be opened or migrated; the message says why in words a self-hoster can act on. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
