package org.argmax.cli;

import org.argmax.db.Database;
import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a self-hoster sees when the server cannot start: one sentence saying what is wrong and what
 * to do, exit code 1, no stack trace — for a --db that is not a JDBC URL, a busy port, and an
 * embedded database already opened by another process (the server, while `user add` runs).
 */
@Tag("slow")
class StartupErrorsTest {
    @TempDir
    Path dir;

    private record Run(int code, String err, String out) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine(new Main());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return new Run(cli.execute(args), err.toString(), out.toString());
    }

    @Test
    void aDatabasePathInsteadOfAJdbcUrlIsExplained() {
        Run r = run("serve", "--port", "0", "--db", dir.resolve("db").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("must be given as a JDBC URL") && r.err().contains("jdbc:h2:./db/argmax"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aMissingStaticFolderIsExplained() {
        // as when the jar is started from another folder: the default ./static is not there
        Run r = run("serve", "--port", "0", "--static", dir.resolve("static").toString(), "--db", "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("No folder " + dir.resolve("static")) && r.err().contains("--static"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aMissingContentFolderIsExplained() {
        Run r = run("serve", "--port", "0", "--content", dir.resolve("content").toString(), "--db", "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(dir.resolve("content").toString()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBusyPortIsExplainedAndTheDatabaseIsReleased() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("0.0.0.0", 0));
            Run r = run("serve", "--port", String.valueOf(busy.getLocalPort()), "--db", url);
            assertEquals(1, r.code());
            assertTrue(r.err().contains("Port already in use") && r.err().contains(String.valueOf(busy.getLocalPort())), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        try (Database reopened = new Database(url, "sa", "")) {
            assertTrue(reopened.isHealthy(), "the failed start closed the database again");
        }
    }

    @Test
    void anEmbeddedDatabaseHeldByAnotherProcessIsExplained() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax");
        try (Database held = new Database(url, "sa", "")) {
            assertTrue(held.isHealthy());
            // another JVM, as when `user add` runs beside a running server
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "user", "list", "--db", url)
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, child.exitValue(), output);
            assertTrue(output.contains("is in use by another process") && output.contains("Stop that process first"), output);
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
        }
    }

    @Test
    void contentOverTheLimitsStopsServeAndCheckWithFileAndLine() {
        TestCourse c = TestCourse.twoLessons(dir.resolve("content"));
        String second = c.root().resolve("lessons/second.md").toString();
        c.write("lessons/second.md", """
                ---
                title: "Second lesson"
                summary: "The estimate."
                objectives: ["Find the maximum."]
                ---
                Intro.

                """ + "- ".repeat(3_000) + "deep\n");
        String problem = second + ":8: block quotes and lists nest 3000 levels deep here; at most 50 levels are allowed";

        Run serve = run("serve", "--port", "0", "--content", c.root().toString(), "--db", "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax"));
        assertEquals(1, serve.code());
        assertTrue(serve.err().contains("has problems; fix them and start again:\n" + problem + "\n")
                || serve.err().contains("has problems; fix them and start again:" + System.lineSeparator() + problem), serve.err());
        assertFalse(serve.err().contains("\tat "), "no stack trace: " + serve.err());

        Run check = run("check", c.root().toString(), "--seeds", "1");
        assertEquals(1, check.code());
        assertTrue(check.out().startsWith(problem + System.lineSeparator()), check.out());
        assertTrue(check.out().contains("1 problem in " + c.root()), check.out());
    }
}
