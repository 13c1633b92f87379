package org.argmax.cli;

import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user subcommands in-process against a real H2 file, then signing in through the server. */
@Tag("slow")
class UserCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter(), err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = new CommandLine(new Main());
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            return new Run(cli.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void addListSetPasswordThenSignIn() {
        String db = "--db=jdbc:h2:" + dir.toAbsolutePath().resolve("argmax");
        Run add = run("a strong instructor password\n", "user", "add", "--instructor", "prof@example.org", "--name", "Professor X", "--password-stdin", db);
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("Created instructor 'prof@example.org'"), add.out());

        Run dup = run("another strong password\n", "user", "add", "prof@example.org", "--name", "Again", "--password-stdin", db);
        assertEquals(1, dup.code());
        assertTrue(dup.err().contains("already taken"));

        Run weak = run("short\n", "user", "add", "x@example.org", "--name", "X", "--password-stdin", db);
        assertEquals(1, weak.code());
        assertTrue(weak.err().contains("at least 10 characters"));

        Run list = run("", "user", "list", db);
        assertEquals(0, list.code());
        assertTrue(list.out().contains("prof@example.org"), list.out());
        assertTrue(list.out().contains("instructor"), list.out());

        Run set = run("the new password here\n", "user", "set-password", "prof@example.org", "--password-stdin", db);
        assertEquals(0, set.code(), set.err());

        try (TestServer server = new TestServer(TestCourse.twoLessons(dir.resolve("content")).root(), dir)) {
            WebClient web = new WebClient(server);
            assertEquals(401, web.signIn("prof@example.org", "a strong instructor password").statusCode());
            assertEquals(303, web.signIn("prof@example.org", "the new password here").statusCode());
            assertEquals(200, web.get("/instructor").statusCode());
        }
    }

    @Test
    void exportWritesTheSameCsvAsThePages() throws Exception {
        String db = "--db=jdbc:h2:" + dir.toAbsolutePath().resolve("argmax");
        assertEquals(0, run("a learner's password\n", "user", "add", "lea", "--name", "Lea", "--password-stdin", db).code());
        Path file = dir.resolve("book.csv");
        Run export = run("", "export", "gradebook", "--out", file.toString(), db);
        assertEquals(0, export.code(), export.err());
        String csv = java.nio.file.Files.readString(file);
        assertTrue(csv.startsWith("username,display_name,") && csv.lines().findFirst().orElseThrow().contains(",coin-mle,"), csv);
        assertTrue(csv.contains("\r\nlea,Lea,"), csv);
        Path attempts = dir.resolve("attempts.csv");
        assertEquals(0, run("", "export", "attempts", "--out", attempts.toString(), db).code());
        assertTrue(java.nio.file.Files.readString(attempts).startsWith("attempt_id,username,"));
        assertEquals(2, run("", "export", "grades", db).code());
    }

    @Test
    void checkReportsProblemsWithFileAndLine() {
        TestCourse course = TestCourse.twoLessons(dir.resolve("content"));
        Run ok = run("", "check", course.root().toString());
        assertEquals(0, ok.code());
        course.write("course.yml", "title: T\nlessons: [first, secnd]\n");
        Run bad = run("", "check", course.root().toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("course.yml:2: unknown lesson 'secnd'"), bad.out());
    }
}
