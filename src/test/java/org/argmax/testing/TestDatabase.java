package org.argmax.testing;

import org.h2.tools.Server;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The database a test class runs on: {@code "h2"} or {@code "postgresql"} (the two values of
 * {@link #KINDS}, for {@code @ParameterizedClass @ValueSource(strings = {"h2", "postgresql"})}).
 * {@link #forOneServer} gives an embedded H2 file (as {@code serve} uses by default) or a new
 * database on the test run's PostgreSQL ({@link Postgres}); {@link #forServers} gives a database
 * several servers can share: an H2 TCP server in place of the embedded file.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private final String url;
    private final Server h2Server;

    private TestDatabase(String url, Server h2Server) {
        this.url = url;
        this.h2Server = h2Server;
    }

    public static TestDatabase forOneServer(String kind, Path dir, String name) {
        return switch (kind) {
            case H2 -> new TestDatabase("jdbc:h2:" + dir.toAbsolutePath().resolve(name), null);
            case POSTGRESQL -> new TestDatabase(Postgres.newDatabase(name), null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static TestDatabase forServers(String kind, Path dir, String name) {
        if (!kind.equals(H2)) return forOneServer(kind, dir, name);
        try {
            Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toAbsolutePath().toString(), "-ifNotExists").start();
            return new TestDatabase("jdbc:h2:tcp://localhost:" + server.getPort() + "/" + name, server);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (h2Server != null) h2Server.stop();
    }
}
