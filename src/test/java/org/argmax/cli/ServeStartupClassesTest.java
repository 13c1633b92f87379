package org.argmax.cli;

import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a real {@code serve} loads on its way to the first page, in a JVM of its own (this test's JVM
 * has loaded other tests' classes): Jetty is told the cache-line size, so it starts no JMX (the
 * platform MBean server, ~420 classes at start-up), Jackson is not loaded until a JSON request needs it, and SLF4J
 * starts without warnings; the server still answers its warm-up requests.
 */
@Tag("slow")
class ServeStartupClassesTest {
    @TempDir
    Path dir;

    @Test
    void jettyStartsWithoutThePlatformMBeanServer() throws Exception {
        Path content = TestCourse.twoLessons(dir.resolve("content")).root();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--content", content.toString(), "--db", "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax"),
                "--warm-up-and-exit")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String output = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the warm-up requests were answered");
        assertTrue(output.contains("Argmax is running on http://localhost:"), "it started");
        assertTrue(output.contains(" org.eclipse.jetty.util.MemoryUtils "), "Jetty read its cache-line size (else this test proves nothing)");
        assertFalse(output.contains(" javax.management.MBeanServerFactory "), "no platform MBean server was started");
        assertFalse(output.contains(" java.lang.management.ManagementFactory "), "no JMX at all");
        // until the server answers: no Jackson (Thymeleaf's JavaScript serializer and our ObjectMappers are made on first
        // use), and SLF4J started before the start's threads log (else it prints a warning about replayed calls)
        String start = output.substring(0, output.indexOf("Argmax is running on http://localhost:"));
        assertTrue(start.contains(" org.thymeleaf.TemplateEngine "), "the start loaded Thymeleaf (else this test proves nothing)");
        assertFalse(start.contains(" com.fasterxml.jackson.databind.ObjectMapper "), "no ObjectMapper made by the start");
        assertTrue(output.contains(" com.fasterxml.jackson.databind.ObjectMapper "), "the warm-up's JSON request made one");
        assertFalse(output.contains("SLF4J(W)"), output.lines().filter(l -> l.contains("SLF4J")).toList().toString());
    }

    @Test
    void aValueTheUserGaveIsKept() {
        String before = System.getProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE);
        try {
            System.setProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE, "4");
            ServeCommand.noJmxForJetty();
            assertEquals("4", System.getProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE));
            System.clearProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE);
            ServeCommand.noJmxForJetty();
            assertEquals("16", System.getProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE), "a heap below 32 GB: compressed references");
        } finally {
            if (before == null) System.clearProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE);
            else System.setProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE, before);
        }
    }
}
