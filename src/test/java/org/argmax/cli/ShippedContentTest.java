package org.argmax.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course shipped in content/ passes {@code check}: every exercise on 200 seeds, no ambiguous feedback. */
class ShippedContentTest {
    @Test
    void theShippedCoursePassesCheck() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("check", "content");
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("(each checked on 200 seeds)"), out.toString());
    }
}
