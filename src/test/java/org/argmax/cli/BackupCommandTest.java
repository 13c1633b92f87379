package org.argmax.cli;

import org.argmax.db.Database;
import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code argmax backup}: from the running server (which holds the H2 file), without one, restored, and for PostgreSQL a pointer to pg_dump. */
class BackupCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run backup(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new BackupCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Unzips the backup into {@code dir} (the restore the README describes) and counts the users in it. */
    private static int usersIn(Path zip, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) Files.copy(in, dir.resolve(e.getName()));
        }
        try (Database db = new Database("jdbc:h2:" + dir.resolve("argmax"), "sa", "");
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theRunningServerMakesTheCopyAndItRestores() throws Exception {
        Path dbDir = tmp.resolve("db");
        String url = "jdbc:h2:" + dbDir.resolve("argmax");
        Path zip = tmp.resolve("backup.zip");
        try (TestServer server = new TestServer(TestCourse.twoLessons(tmp.resolve("content")).root(), url, false)) {
            assertEquals(303, new WebClient(server).signUp("Ada", "ada", "ada's long password").statusCode());
            assertTrue(Files.exists(dbDir.resolve("argmax.server")), "the server tells the command where it listens");
            Run r = backup("--db", url, "--out", zip.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("made by the running server"), r.out());
            // the endpoint wants the token: a request without it is refused
            var refused = server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/backup"))).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, refused.statusCode());
        }
        assertFalse(Files.exists(dbDir.resolve("argmax.server")), "deleted at stop");
        assertEquals(1, usersIn(zip, tmp.resolve("restored")));

        Run stopped = backup("--db", url, "--out", tmp.resolve("offline.zip").toString());
        assertEquals(0, stopped.code(), stopped.err());
        assertTrue(stopped.out().contains("the server was not running"), stopped.out());
        assertEquals(1, usersIn(tmp.resolve("offline.zip"), tmp.resolve("restored-offline")));
    }

    @Test
    void postgresqlIsBackedUpWithPgDump() {
        Run r = backup("--db", "jdbc:postgresql://localhost/argmax", "--out", tmp.resolve("x.zip").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pg_dump"), r.err());
    }
}
