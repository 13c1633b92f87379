package org.argmax.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve}'s usual command lines are read without picocli, to the same fields; anything else is left to picocli. */
class ServeCommandLineTest {
    private static List<Object> fields(ServeCommand c) {
        return java.util.Arrays.asList(c.port, c.content, c.staticDir, c.trustProxy, c.noRelaunch, c.warmUpAndExit,
                c.db.jdbcUrl, c.db.dbUser, c.db.dbPassword);
    }

    private static ServeCommand picocli(String... args) {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void usualCommandLinesGiveWhatPicocliGives() {
        List<String[]> lines = List.of(
                new String[]{},
                new String[]{"--port", "8080"},
                new String[]{"--port=0", "--db", "jdbc:h2:/tmp/x/argmax", "--content", "my course", "--static=st"},
                new String[]{"--trust-proxy", "--no-relaunch", "--warm-up-and-exit", "--db-user", "u", "--db-password", "p w"},
                new String[]{"--db=jdbc:postgresql://h:5432/argmax?ssl=true", "--db-user=me", "--db-password=a=b"},
                new String[]{"--content", "/abs/content", "--port", "65535"});
        for (String[] args : lines) {
            Optional<ServeCommand> simple = ServeCommand.simple(args, System.getenv());
            assertTrue(simple.isPresent(), List.of(args).toString());
            assertEquals(fields(picocli(args)), fields(simple.get()), List.of(args).toString());
        }
    }

    @Test
    void theEnvironmentsDefaultsAreRead() {
        Map<String, String> env = Map.of("ARGMAX_DB_URL", "jdbc:h2:/srv/db/argmax", "ARGMAX_DB_USER", "svc",
                "ARGMAX_DB_PASSWORD", "secret", "ARGMAX_TRUST_PROXY", "TRUE", "PORT", "9000");
        ServeCommand c = ServeCommand.simple(new String[]{}, env).orElseThrow();
        assertEquals(List.of("jdbc:h2:/srv/db/argmax", "svc", "secret", true), List.of(c.db.jdbcUrl, c.db.dbUser, c.db.dbPassword, c.trustProxy));
        assertEquals(null, c.port, "PORT is read when the server starts, as before");
        assertEquals("jdbc:h2:/other", ServeCommand.simple(new String[]{"--db", "jdbc:h2:/other"}, env).orElseThrow().db.jdbcUrl);
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<String[]> lines = List.of(
                new String[]{"--help"}, new String[]{"-h"}, new String[]{"--version"}, new String[]{"-V"},
                new String[]{"--prot", "8080"}, new String[]{"--port"}, new String[]{"--port", "80a"}, new String[]{"--port", "-1"},
                new String[]{"--port", "1", "--port", "2"}, new String[]{"--trust-proxy=false"}, new String[]{"extra"},
                new String[]{"--content", "--port"}, new String[]{"--db="}, new String[]{"--port", "1234567"});
        for (String[] args : lines) {
            assertTrue(ServeCommand.simple(args, Map.of()).isEmpty(), List.of(args).toString());
        }
        for (Map<String, String> env : List.of(Map.of("PORT", "eighty"), Map.of("ARGMAX_TRUST_PROXY", "yes"), Map.of("ARGMAX_DB_URL", ""))) {
            assertTrue(ServeCommand.simple(new String[]{}, env).isEmpty(), env.toString());
        }
    }
}
