package org.argmax.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.argmax.db.DataAccessException;
import org.argmax.db.Database;
import org.argmax.db.H2Backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code POST /admin/backup}: a consistent copy of the embedded H2 database as a zip, for the
 * {@code backup} command on the same machine. Only from a loopback address and with the token the
 * server wrote into {@code <database>.server} (owner-only), which only someone who can read the
 * server's files has. 404 when the server does not run on an embedded H2 file (PostgreSQL: pg_dump).
 */
public final class BackupHandler {
    private final Database database;
    private final H2Backup.ServerInfo info;

    /** {@code token}: null when there is nothing to back up this way. */
    BackupHandler(Database database, String token) {
        this.database = database;
        this.info = token == null ? null : new H2Backup.ServerInfo(0, token);
    }

    public void backup(Context ctx) {
        if (info == null) throw new NotFoundResponse("This server does not use an embedded H2 database; back up PostgreSQL with pg_dump.");
        if (!loopback(ctx.req().getRemoteAddr()) || !info.accepts(ctx.header(H2Backup.TOKEN_HEADER))) {
            throw new ForbiddenResponse("Backups are made with `argmax backup` on the server machine.");
        }
        Path zip = null;
        try {
            zip = Files.createTempFile(database.compaction().file().getParent(), "backup-", ".zip");
            Files.delete(zip); // BACKUP TO writes it
            try (Connection c = database.dataSource().getConnection()) {
                H2Backup.backupTo(c, zip);
            }
            ctx.contentType("application/zip");
            try (InputStream in = Files.newInputStream(zip)) {
                in.transferTo(ctx.outputStream());
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot back up the database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException ignored) { // a temporary file in the database folder
                }
            }
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
