package org.argmax.cli;

import org.argmax.db.Database;
import picocli.CommandLine.Option;

/** The database options shared by every subcommand that opens the database. */
public final class DatabaseOptions {
    @Option(names = "--db", defaultValue = "${env:ARGMAX_DB_URL:-" + Database.DEFAULT_URL + "}",
            description = "JDBC URL (default: $ARGMAX_DB_URL or ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:ARGMAX_DB_USER:-sa}", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:ARGMAX_DB_PASSWORD:-}", description = "Database password (prefer $ARGMAX_DB_PASSWORD).")
    String dbPassword;

    Database open() {
        return new Database(jdbcUrl, dbUser, dbPassword);
    }
}
