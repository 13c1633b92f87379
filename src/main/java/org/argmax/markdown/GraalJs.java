package org.argmax.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where GraalJS (which runs KaTeX for {@code argmax check}) comes from. The packaged jar carries
 * GraalJS's jars whole, as files under {@value #NESTED}, instead of as some 16,000 class entries
 * beside the server's: every JVM that opens the jar first reads its list of entries, a start has two
 * of them, and only {@code check} uses GraalJS (BENCHMARKS.md, start-up). When KaTeX is first needed,
 * those jars are copied to a temporary folder, removed when the JVM exits, and loaded by a class
 * loader of their own, which also defines {@link KatexScript}, the one class that calls GraalJS.
 * Where GraalJS is on the class path itself (the tests, an IDE), it is used from there.
 */
final class GraalJs {
    /** The folder of the packaged jar that holds GraalJS's jars (the pom copies them there). */
    static final String NESTED = "META-INF/argmax/graaljs/";
    private static final String SCRIPT_CLASS = KatexScript.class.getName();
    private static final String PROBE = "org/graalvm/polyglot/Context.class";

    private GraalJs() {
    }

    /** A new {@link KatexScript}, from GraalJS on {@code app}'s class path or else from the jars packaged in it. */
    @SuppressWarnings("unchecked")
    static BiFunction<String, Boolean, Object[]> katexScript(ClassLoader app, String script, String glue, Map<String, String> macros) {
        ClassLoader loader = app.getResource(PROBE) != null ? app : new Isolated(extractNestedJars(app), app);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // GraalJS looks up its languages through it
        try {
            Class<?> c = Class.forName(SCRIPT_CLASS, true, loader);
            return (BiFunction<String, Boolean, Object[]>) c.getConstructor(String.class, String.class, Map.class)
                    .newInstance(script, glue, macros);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot start GraalJS for KaTeX: " + cause, cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Copies the jars under {@link #NESTED} to a new temporary folder (deleted when the JVM exits); their URLs. */
    static URL[] extractNestedJars(ClassLoader app) {
        List<String> names = nestedJarNames(app);
        if (names.isEmpty()) {
            throw new IllegalStateException("GraalJS is neither on the class path nor packaged under " + NESTED
                    + ", so KaTeX cannot run; build the jar with `mvn package`");
        }
        try {
            Path dir = Files.createTempDirectory("argmax-graaljs-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-graaljs-copy"));
            URL[] urls = new URL[names.size()];
            for (int i = 0; i < names.size(); i++) {
                Path target = dir.resolve(names.get(i));
                try (InputStream in = app.getResourceAsStream(NESTED + names.get(i))) {
                    if (in == null) throw new IOException("no " + NESTED + names.get(i));
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                urls[i] = target.toUri().toURL();
            }
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy GraalJS's jars out of " + NESTED, e);
        }
    }

    /** The names of the jars directly under {@link #NESTED}, in the jar or folder of the class path that has it, sorted. */
    static List<String> nestedJarNames(ClassLoader app) {
        URL dir = app.getResource(NESTED);
        if (dir == null) return List.of();
        List<String> names = new ArrayList<>();
        try {
            if (dir.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) dir.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String name = e.nextElement().getName();
                        if (name.startsWith(NESTED) && name.endsWith(".jar") && name.indexOf('/', NESTED.length()) < 0) {
                            names.add(name.substring(NESTED.length()));
                        }
                    }
                }
            } else if (dir.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** Deletes what it can (a file still open on some systems stays): a temporary folder, which the system cleans up eventually. */
    private static void deleteTree(Path dir) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the next one may still go
            }
        }
    }

    /**
     * GraalJS's jars over the application's class loader, with {@link KatexScript} (and any nested class of
     * it) defined here from the application's bytes, so that its references to GraalJS resolve to these jars.
     * Everything else is looked up in the usual order: the application's classes first.
     */
    static final class Isolated extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        Isolated(URL[] jars, ClassLoader app) {
            super("graaljs", jars, app);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(SCRIPT_CLASS) && !name.startsWith(SCRIPT_CLASS + "$")) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) throw new ClassNotFoundException(name);
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}
