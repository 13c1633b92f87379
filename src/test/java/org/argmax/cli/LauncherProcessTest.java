package org.argmax.cli;

import org.argmax.db.Database;
import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar … serve} as a self-hoster runs it: the launcher starts the server in a child JVM
 * with a bounded heap, the site answers, and SIGTERM to the launcher stops the child the normal way
 * (shutdown hook, H2 compaction, the file released); killing the launcher stops the child too. The
 * jar here names the test class path in its manifest (the packaged jar would need {@code package}),
 * and runs without a class-data archive (ARGMAX_CDS=off: the JVM archives jars, not folders).
 */
@Tag("slow")
class LauncherProcessTest {
    private static final Pattern RUNNING = Pattern.compile("Argmax is running on http://localhost:(\\d+)/");

    @TempDir
    Path dir;

    private record Server(Process launcher, ProcessHandle child, int port, StringBuffer output, Thread reader) {
    }

    @Test
    void sigtermToTheLauncherStopsTheServerCleanly() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax");
        Server s = start(url);
        String command = s.child().info().commandLine().orElse("");
        assertTrue(command.contains("-Xmx" + Launcher.HEAP) && command.contains("-D" + Launcher.PARENT_PROPERTY + "=" + s.launcher().pid()),
                "the child has the bounded heap and knows its launcher: " + command);
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[]{"/", "/health"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
        }

        s.launcher().destroy(); // SIGTERM
        assertTrue(s.launcher().waitFor(120, TimeUnit.SECONDS), "the launcher stopped");
        assertEquals(143, s.launcher().exitValue(), "stopped by SIGTERM: " + s.output());
        assertFalse(s.child().isAlive(), "the server stopped with it");
        s.reader().join(20_000);
        assertFalse(s.output().toString().contains("Could not compact"), s.output().toString());
        try (Database db = new Database(url, "sa", "")) {
            assertTrue(db.isHealthy(), "the file was closed and released");
        }
    }

    @Test
    void theServerStopsWhenTheLauncherIsKilled() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax");
        Server s = start(url);
        s.launcher().destroyForcibly(); // SIGKILL: the launcher cannot stop the child itself
        assertTrue(s.launcher().waitFor(20, TimeUnit.SECONDS));
        s.child().onExit().get(120, TimeUnit.SECONDS);
        assertFalse(s.child().isAlive(), "the server stopped by itself: " + s.output());
        try (Database db = new Database(url, "sa", "")) {
            assertTrue(db.isHealthy(), "the file was closed and released");
        }
    }

    private Server start(String url) throws Exception {
        Path content = TestCourse.twoLessons(dir.resolve("content")).root();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", classPathJar().toString(), "serve", "--port", "0", "--content", content.toString(), "--db", url)
                .redirectErrorStream(true);
        builder.environment().put(Launcher.CDS_ENV, "off");
        builder.environment().remove(Launcher.NO_RELAUNCH_ENV);
        Process launcher = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the launcher's output ended: " + output));
        });
        reader.setDaemon(true);
        reader.start();
        int p = port.get(180, TimeUnit.SECONDS);
        ProcessHandle child = launcher.children().findFirst().orElseThrow(() -> new AssertionError("no child JVM: " + output));
        return new Server(launcher, child, p, output, reader);
    }

    /** An empty jar whose manifest runs the jar's entry point (Launcher) with this test's class path (absolute file URLs). */
    private Path classPathJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        main.put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = dir.resolve("argmax.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
