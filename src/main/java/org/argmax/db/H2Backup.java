package org.argmax.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Consistent copies of an embedded H2 database while the server runs. H2's {@code BACKUP TO 'file.zip'}
 * copies the database file without stopping anyone: the MVStore appends, and the copy is of one
 * committed state. Only the process that has the file open can run it (H2 locks the file), so a
 * running server writes its address and a random token into {@code <database>.server} (readable only
 * by its owner) and the {@code backup} command asks it over HTTP on localhost
 * ({@code POST /admin/backup} with the token); without a server, the command opens the file itself.
 * Restoring: stop the server, unzip the copy into the database folder (README, "Backups").
 */
public final class H2Backup {
    public static final String TOKEN_HEADER = "X-Argmax-Backup-Token";

    private H2Backup() {
    }

    /** Where the running server tells its port and token, beside the database file. */
    public static Path serverFile(Path databasePath) {
        return Path.of(databasePath + ".server");
    }

    /** The database path of an embedded H2 URL (jdbc:h2:./db/argmax;X=Y → /abs/db/argmax), or empty for other URLs. */
    public static Optional<Path> databasePath(String jdbcUrl) {
        if (!Database.isEmbeddedH2File(jdbcUrl)) return Optional.empty();
        String path = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) path = path.substring(0, semicolon);
        if (path.startsWith("file:")) path = path.substring("file:".length());
        if (path.startsWith("~")) path = System.getProperty("user.home") + path.substring(1);
        return Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /** Runs {@code BACKUP TO} on a connection to the database: a zip with the database file, consistent. */
    public static void backupTo(Connection c, Path zip) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
            s.setString(1, zip.toAbsolutePath().toString());
            s.execute();
        }
    }

    /** What the running server wrote: its port and the token the backup request must carry. */
    public record ServerInfo(int port, String token) {
        public static Optional<ServerInfo> read(Path databasePath) {
            Path file = serverFile(databasePath);
            if (!Files.isRegularFile(file)) return Optional.empty();
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
                return Optional.of(new ServerInfo(Integer.parseInt(p.getProperty("port")), p.getProperty("token")));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Writes the file with owner-only permissions; deleted by {@link #delete} when the server stops. */
        public void write(Path databasePath) {
            Path file = serverFile(databasePath);
            try {
                Files.deleteIfExists(file);
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file); // Windows and other non-POSIX file systems: the folder's own permissions apply
                }
                Files.writeString(file, "# the running Argmax server, for `argmax backup`; deleted when it stops\nport=" + port + "\ntoken=" + token
                        + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        public static void delete(Path databasePath) {
            try {
                Files.deleteIfExists(serverFile(databasePath));
            } catch (IOException ignored) { // a stale file is ignored by the backup command (no server answers)
            }
        }

        /** Compares in constant time. */
        public boolean accepts(String offered) {
            return offered != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
        }
    }
}
