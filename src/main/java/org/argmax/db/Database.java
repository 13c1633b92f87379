package org.argmax.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection pool and the schema. Migrations under {@code db/migration} (packaged into the jar)
 * run at start. For H2 files, {@link #durable} adds the settings that keep every committed row
 * when the JVM is killed with -9 (tested in DatabaseDurabilityTest).
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:h2:./db/argmax";

    private final HikariDataSource pool;
    private final String url;

    public Database(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new DatabaseException("The database must be given as a JDBC URL, such as " + DEFAULT_URL
                    + " (an H2 file) or jdbc:postgresql://host/argmax; got '" + jdbcUrl + "'.", null);
        }
        this.url = durable(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("argmax");
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException(cannotOpen(jdbcUrl, e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseException("The database " + jdbcUrl + " opened, but its tables could not be created or updated: "
                    + rootMessage(e), e);
        }
    }

    private static String cannotOpen(String jdbcUrl, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // H2 90020: the file is locked by another process (embedded H2 allows one process at a time)
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return "The database " + jdbcUrl + " is in use by another process, probably a running Argmax server. "
                        + "Stop that process first (the embedded database is opened by one process at a time), or give another --db.";
            }
        }
        return "Cannot open the database " + jdbcUrl + ": " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** H2's retention time in ms; the maximum means "never overwrite a chunk while the file is open". */
    static final int NO_CHUNK_REUSE = Integer.MAX_VALUE;

    /**
     * Makes an embedded H2 file URL keep every commit across {@code kill -9}, unless the URL already
     * says otherwise: {@code WRITE_DELAY=0} writes each commit before it returns (the default 500 ms
     * loses the last half second), and an unlimited {@code RETENTION_TIME} stops H2 from writing new
     * chunks into the space of chunks older than 45 s: after such an idle pause the next commit was
     * lost on kill -9 (reproduced with H2 2.5.252; see DatabaseDurabilityTest). The price is a file
     * that grows by about 14 kB per write while the server runs; it is compacted when the server stops.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:") && !jdbcUrl.startsWith("jdbc:h2:tcp:");
        if (!h2File) return jdbcUrl;
        String upper = jdbcUrl.toUpperCase();
        String url = jdbcUrl;
        if (!upper.contains("WRITE_DELAY")) url += ";WRITE_DELAY=0";
        if (!upper.contains("RETENTION_TIME")) url += ";RETENTION_TIME=" + NO_CHUNK_REUSE;
        return url;
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /** True when a trivial query answers; used by the health check. */
    public boolean isHealthy() {
        try (Connection c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
