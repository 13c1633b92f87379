package org.argmax.markdown;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraalJS packaged as the jar packages it (its jars under {@link GraalJs#NESTED}) and absent from the
 * class path, as in {@code java -jar argmax.jar check}: KaTeX still runs.
 */
class GraalJsTest {

    /** GraalJS's jars on this test's class path (Maven's repository: .../org/graalvm/...). */
    private static List<Path> graalJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.replace('\\', '/').contains("/org/graalvm/") && entry.endsWith(".jar")) jars.add(Path.of(entry));
        }
        assertTrue(jars.size() >= 5, "GraalJS's jars on the test class path: " + jars);
        return jars;
    }

    /** A jar like the packaged one's GraalJS part: each of GraalJS's jars whole, under META-INF/argmax/graaljs/. */
    private static Path packaged(Path dir, List<Path> jars) throws IOException {
        Path outer = dir.resolve("outer.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer))) {
            out.putNextEntry(new JarEntry(GraalJs.NESTED));
            out.closeEntry();
            for (Path jar : jars) {
                out.putNextEntry(new JarEntry(GraalJs.NESTED + jar.getFileName()));
                Files.copy(jar, (OutputStream) out);
                out.closeEntry();
            }
        }
        return outer;
    }

    /** Where a class-path resource comes from: its jar, or the folder it is under. */
    private static URL origin(String resource) throws IOException {
        URL url = GraalJsTest.class.getClassLoader().getResource(resource);
        assertNotNull(url, resource);
        if (url.getProtocol().equals("jar")) return ((JarURLConnection) url.openConnection()).getJarFileURL();
        String s = url.toString();
        return new URL(s.substring(0, s.length() - resource.length()));
    }

    @Test
    void theNestedJarsAreListedFromAJar(@TempDir Path dir) throws IOException {
        List<Path> jars = graalJars();
        Path outer = packaged(dir, jars);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {outer.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<String> expected = new ArrayList<>(jars.stream().map(p -> p.getFileName().toString()).toList());
            expected.sort(null);
            assertEquals(expected, GraalJs.nestedJarNames(loader));
        }
        try (URLClassLoader none = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertEquals(List.of(), GraalJs.nestedJarNames(none));
        }
    }

    /** Run in a JVM of its own by the test below: prints KaTeX's verdict on each argument (inline formulas), one per line. */
    public static final class Probe {
        public static void main(String[] formulas) {
            if (Probe.class.getClassLoader().getResource("org/graalvm/polyglot/Context.class") != null) {
                throw new IllegalStateException("GraalJS is on this class path");
            }
            for (String tex : formulas) {
                KatexValidator.Verdict v = KatexValidator.shared().verdict(tex, false);
                System.out.println(v == null ? "renders" : "error: " + v.message());
            }
        }
    }

    @Test
    @Tag("slow") // loads KaTeX in the GraalJS interpreter: seconds
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // reading the child's output would wait for ever if it hung
    void kaTeXRunsFromTheNestedJarsWhenGraalJsIsNotOnTheClassPath(@TempDir Path dir) throws Exception {
        // a JVM of its own: one JVM cannot load GraalJS's native helper twice (this one may have it from the class path)
        Path outer = packaged(dir, graalJars());
        List<String> classPath = List.of(
                outer.toString(),
                path(origin(KatexValidator.class.getName().replace('.', '/') + ".class")), // our classes
                path(origin(Probe.class.getName().replace('.', '/') + ".class")), // this probe
                path(origin("META-INF/maven/org.webjars.npm/katex/pom.properties"))); // katex.min.js
        assertTrue(classPath.stream().noneMatch(p -> p.contains("graalvm")), classPath.toString());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), Probe.class.getName(),
                "\\hat\\theta = \\argmax_\\theta \\E[x]", "\\frac{1}{")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.equals("renders") || l.startsWith("error: ")).toList();
        assertEquals(2, lines.size(), out);
        assertEquals("renders", lines.get(0), "our macros are defined: " + out);
        assertTrue(lines.get(1).startsWith("error: ") && lines.get(1).contains("end of input"), out);
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            // the copy of GraalJS's jars is removed when that JVM exits
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("argmax-graaljs-") && createdSince(f, dir)));
        }
    }

    private static boolean createdSince(Path f, Path testDir) {
        try {
            return !Files.getLastModifiedTime(f).toInstant().isBefore(Files.getLastModifiedTime(testDir).toInstant());
        } catch (IOException e) {
            return false;
        }
    }

    private static String path(URL url) throws Exception {
        return Path.of(url.toURI()).toString();
    }
}
