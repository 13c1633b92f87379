package org.argmax.cli;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The jar's entry point. Makes {@code java -jar argmax.jar serve} start fast and stay small without
 * asking for JVM options: the JVM the user started re-executes itself once, as a child with
 * <ul>
 * <li>a class-data-sharing archive of the application's classes next to the jar
 *     ({@code argmax-<key>.jsa}, the key naming the jar's path, size and modification time and the JVM):
 *     JDK 17 has no {@code -XX:+AutoCreateSharedArchive}, so when it is missing the child runs with
 *     {@code -XX:ArchiveClassesAtExit} and the archive is written when it stops (the Maven build does
 *     that once after {@code package} with {@code serve --warm-up-and-exit});</li>
 * <li>a heap sized for the work ({@value #HEAP}, all of it from the start, with a young generation of {@value #YOUNG})
 *     instead of a quarter of the machine's memory, the serial collector, at most {@value #MALLOC_ARENAS} malloc
 *     arenas and the C heap trimmed every 5 s ({@link #TRIM_NATIVE_HEAP}). A class's load keeps 25-55 MB alive (H2's
 *     page cache and chunk metadata, sessions, the course): an old generation of 96 MB holds it (one of 64 MB, with
 *     a 128 MB heap, ran into runs of full collections and refused answers), and the serial collector has no
 *     marking bitmaps (the parallel one's cost ~20 MB at 256 MB) while its young pauses at this size are as short
 *     as the parallel one's were (median 13-14 ms at 400 answers a second). At 400 answers a second, 60 s per path
 *     (BENCHMARKS.md, "Memory: the serial collector and 160 MB"): the server's RSS 279-302 MB instead of 404-437 MB
 *     with the parallel collector and 256 MB, the p99 as scattered between runs as before (12.7-27.7 ms against
 *     13.1-27.9 ms). The parallel collector was chosen before each answer allocated a quarter less and H2's page
 *     cache shrank to 4 MB (a serial collector's pauses of 25-65 ms set the p99 then);</li>
 * <li>the heap on transparent huge pages where the kernel offers them ({@link #HUGE_PAGES});</li>
 * <li>JIT thresholds that leave code run only during the start to the interpreter ({@link #JIT_OPTIONS}).</li>
 * </ul>
 * The launcher forwards its own JVM options after these (so the user's {@code -Xmx} or collector
 * wins), its standard streams, and the child's exit code; a SIGTERM or Ctrl-C stops the child the
 * normal way (its shutdown hook compacts the H2 file) before the launcher exits, and the child
 * stops by itself when the launcher is killed. Only {@code serve} started with {@code -jar} is
 * re-executed; {@code --no-relaunch} or {@code ARGMAX_NO_RELAUNCH=1} turn it off, {@code ARGMAX_CDS=off}
 * only the archive. Everything else runs in this JVM ({@link Main}).
 *
 * <p>The launcher's JVM is on the path to the first page, and nothing of the application is in a
 * class-data archive there, so this class loads nothing but the JDK's own classes before it has
 * started the child (no picocli, no logging), and it is written without lambdas, method references
 * or string concatenation with {@code +}: each of those bootstraps {@code invokedynamic} machinery the
 * first time, tens of milliseconds in a fresh JVM.
 */
public final class Launcher {
    /** Set in the child to the launcher's process id. */
    static final String PARENT_PROPERTY = "argmax.launcher.parent";
    static final String NO_RELAUNCH_OPTION = "--no-relaunch";
    static final String NO_RELAUNCH_ENV = "ARGMAX_NO_RELAUNCH";
    /** {@code ARGMAX_CDS=off}: the child runs without a class-data archive (and writes none). */
    static final String CDS_ENV = "ARGMAX_CDS";
    /** The heap is all of {@link #HEAP} from the start (the default would be a quarter of the machine, growing). */
    static final String INITIAL_HEAP = "160m";
    /** The young generation: new objects (most of a request's) are collected there. */
    static final String YOUNG = "64m";
    static final String HEAP = "160m";
    /** The server's garbage collector, unless the user names one. */
    static final String COLLECTOR = "-XX:+UseSerialGC";
    static final int MALLOC_ARENAS = 2;
    /**
     * Every 5 s the JVM gives the C heap's free memory back (glibc's malloc_trim): the JIT's arenas
     * and H2's compaction leave tens of MB free but kept. A product option since JDK 17.0.11 and
     * 21.0.3, experimental in 17.0.9-10 and 21.0.1-2, absent before (and in 18-20): only where known.
     */
    static final String[] TRIM_NATIVE_HEAP = {"-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000"};
    /**
     * The heap on 2 MB pages: the kernel maps the heap's memory the first time it is touched, one page
     * fault per 4 kB page otherwise, and a start touches some 60 MB of it (the young generation fills
     * once); on a virtual machine each fault is dear. The first page fell 0.19-0.20 s sooner (12 %,
     * six starts each, BENCHMARKS.md, start-up) for 20 MB more resident memory at start; after a class's
     * load the whole heap is touched either way. Only where the kernel's setting is "always" or
     * "madvise" (the JVM asks for huge pages with madvise); with "never" the option would do nothing.
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final String HUGE_PAGES_SETTING = "/sys/kernel/mm/transparent_hugepage/enabled";
    /**
     * The JIT compiles a method or loop later than by default (five times the calls and loop
     * iterations, at both tiers): a start runs thousands of methods only a few hundred times (reading
     * the jar's index, YAML, H2's pages, Jetty's set-up), and compiling them took the two compiler
     * threads more CPU than the start itself had (C1 + C2 ~2 s of ~3 s on a 2-core machine, competing
     * with it). Hot code is compiled as before, by both tiers: the server JVM's CPU until the first page
     * fell 15-25 %, pages per second after 20 s of load were the same, in the first 10 s of full
     * load 22 % fewer (BENCHMARKS.md, start-up). The user's own -XX options come later and win.
     */
    static final String[] JIT_OPTIONS = {
        "-XX:Tier3InvocationThreshold=1000", "-XX:Tier3MinInvocationThreshold=500", "-XX:Tier3CompileThreshold=10000",
        "-XX:Tier3BackEdgeThreshold=300000", "-XX:Tier4InvocationThreshold=25000", "-XX:Tier4MinInvocationThreshold=3000",
        "-XX:Tier4CompileThreshold=75000", "-XX:Tier4BackEdgeThreshold=200000",
    };
    private static final String ARCHIVE_PREFIX = "argmax-";
    private static final String ARCHIVE_SUFFIX = ".jsa";
    private static final int ARCHIVE_KEY_DIGITS = 12;

    private Launcher() {
    }

    public static void main(String[] args) {
        org.argmax.web.StartupTrace.mark("main");
        OptionalInt child = runInChild(args);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
            return;
        }
        Main.main(args);
    }

    /**
     * Runs the server in a child JVM when that is wanted here, and returns its exit code; empty when
     * this JVM should run the command itself (it is the child, the command is not {@code serve},
     * the JVM was not started with {@code -jar}, or re-executing is turned off).
     */
    static OptionalInt runInChild(String[] args) {
        // the child: nothing to decide (and asking the OS about this process costs the child's start ~10 ms)
        if (System.getProperty(PARENT_PROPERTY) != null) return OptionalInt.empty();
        List<String> arguments = List.of(args);
        ProcessHandle.Info self = ProcessHandle.current().info();
        Optional<String[]> commandLine = self.arguments();
        List<String> jvmCommandLine = commandLine.isPresent() ? List.of(commandLine.get()) : List.of();
        Optional<String> java = self.command();
        if (java.isEmpty() || !relaunches(arguments, System.getenv(), System.getProperty(PARENT_PROPERTY), jvmCommandLine)) {
            return OptionalInt.empty();
        }
        Optional<Instant> started = self.startInstant();
        long origin = org.argmax.web.StartupTrace.enabled() ? org.argmax.web.StartupTrace.processStartMillis(System.currentTimeMillis())
                : started.isPresent() ? started.get().toEpochMilli() : System.currentTimeMillis();
        try {
            return OptionalInt.of(new Child(java.get(), jvmCommandLine, arguments, origin).awaitExit());
        } catch (IOException e) {
            System.err.println("Could not start the server's JVM (" + e.getMessage() + "); running in this one.");
            return OptionalInt.empty();
        }
    }

    /** In the child: stop (shutdown hooks included) when the launcher that started it is gone, e.g. killed with -9. */
    static void stopWithParent() {
        Long parent = Long.getLong(PARENT_PROPERTY);
        if (parent == null) return;
        Optional<ProcessHandle> handle = ProcessHandle.of(parent);
        if (handle.isEmpty()) {
            System.exit(1);
            return;
        }
        handle.get().onExit().thenRun(() -> {
            System.err.println("The launcher (process " + parent + ") has stopped; stopping the server.");
            System.exit(1);
        });
    }

    /**
     * {@code args}: the application's arguments; {@code jvmCommandLine}: everything after the
     * {@code java} executable in this process's command line.
     */
    static boolean relaunches(List<String> args, Map<String, String> env, String parentProperty, List<String> jvmCommandLine) {
        if (parentProperty != null) return false; // this is the child
        String off = env.get(NO_RELAUNCH_ENV);
        if (off != null && !off.isBlank() && !off.equals("0") && !off.equalsIgnoreCase("false")) return false;
        if (args.contains(NO_RELAUNCH_OPTION)) return false;
        if (jarOf(jvmCommandLine).isEmpty()) return false;
        return args.isEmpty() || args.get(0).equals("serve");
    }

    /** The jar after {@code -jar} in the JVM's command line, if it was started that way. */
    static Optional<String> jarOf(List<String> jvmCommandLine) {
        int i = jvmCommandLine.indexOf("-jar");
        return i < 0 || i + 1 >= jvmCommandLine.size() ? Optional.empty() : Optional.of(jvmCommandLine.get(i + 1));
    }

    /**
     * The child's command line: {@code java}, the archive option ({@code -XX:SharedArchiveFile} when
     * the archive exists, else {@code -XX:ArchiveClassesAtExit} to a temporary name; none when
     * {@code archive} is null), the memory options, the launcher's own JVM options (they come later,
     * so they win; a collector or archive of the user's replaces ours), the child's properties, then
     * {@code -jar} with the absolute jar and the application's arguments.
     */
    static List<String> childCommand(String java, List<String> jvmCommandLine, Path jar, Path archive, boolean archiveExists,
                                     Path archiveInProgress, long parentPid, long origin, List<String> args) {
        int jarAt = jvmCommandLine.indexOf("-jar");
        List<String> userOptions = jvmCommandLine.subList(0, jarAt < 0 ? 0 : jarAt);
        boolean userArchive = false;
        boolean userCollector = false;
        boolean userHeap = false;
        for (String o : userOptions) {
            userArchive |= o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-Xshare");
            userCollector |= (o.startsWith("-XX:+Use") || o.startsWith("-XX:-Use")) && o.endsWith("GC");
            // any heap size of the user's replaces all of ours: our -Xms160m beside a user's -Xmx64m would stop the JVM
            userHeap |= o.startsWith("-Xmx") || o.startsWith("-Xms") || o.startsWith("-Xmn") || o.startsWith("-XX:MaxHeapSize")
                    || o.startsWith("-XX:InitialHeapSize") || o.startsWith("-XX:NewSize") || o.startsWith("-XX:MaxNewSize");
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        if (archive != null && !userArchive) {
            command.add((archiveExists ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=")
                    .concat((archiveExists ? archive : archiveInProgress).toString()));
            command.add("-Xshare:auto"); // an archive the JVM cannot use (another JDK build, a changed jar) is skipped...
            command.add("-Xlog:cds=off,cds+dynamic=off"); // ...without warnings on the console
        }
        if (!userHeap) command.addAll(heapOptions());
        if (!userCollector) command.add(COLLECTOR);
        command.addAll(hugePageOptions());
        command.addAll(nativeHeapOptions());
        command.addAll(List.of(JIT_OPTIONS));
        command.addAll(userOptions);
        command.add(property(PARENT_PROPERTY, parentPid));
        command.add(property(org.argmax.web.StartupTrace.ORIGIN_PROPERTY, origin));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /**
     * The server JVM's memory options when the user gives none: heap, collector, huge pages, native-heap trimming. The
     * load tests start their one-JVM server with these, so they measure what {@code serve} runs.
     */
    public static List<String> serverMemoryOptions() {
        List<String> options = new ArrayList<>(heapOptions());
        options.add(COLLECTOR);
        options.addAll(hugePageOptions());
        options.addAll(nativeHeapOptions());
        return options;
    }

    /** {@link #HUGE_PAGES} where the kernel offers transparent huge pages, else nothing. */
    static List<String> hugePageOptions() {
        return offersHugePages(kernelSetting(HUGE_PAGES_SETTING)) ? List.of(HUGE_PAGES) : List.of();
    }

    /** Whether the kernel's transparent huge page setting (e.g. "always [madvise] never") lets the JVM have them. */
    static boolean offersHugePages(String setting) {
        return setting.contains("[always]") || setting.contains("[madvise]");
    }

    /** A file of /sys, or "" where there is none (not Linux, a container without it). */
    private static String kernelSetting(String file) {
        try (FileInputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    private static List<String> heapOptions() {
        return List.of("-Xms".concat(INITIAL_HEAP), "-Xmn".concat(YOUNG), "-Xmx".concat(HEAP));
    }

    private static List<String> nativeHeapOptions() {
        return trimsNativeHeap(Runtime.version()) ? List.of(TRIM_NATIVE_HEAP) : List.of();
    }

    /** Whether this JVM knows {@code -XX:TrimNativeHeapInterval} (see {@link #TRIM_NATIVE_HEAP}). */
    static boolean trimsNativeHeap(Runtime.Version v) {
        return v.feature() >= 22 || v.feature() == 21 && v.update() >= 1 || v.feature() == 17 && v.update() >= 9;
    }

    private static String property(String name, long value) {
        return new StringBuilder("-D").append(name).append('=').append(value).toString();
    }

    /**
     * The archive for this jar and this JVM, next to the jar: {@code argmax-} and 12 hex digits of a
     * 64-bit FNV-1a hash of the jar's absolute path, size and modification time, {@code java.home}
     * and the JVM's version. A rebuilt or moved jar, or another JDK, gets a new name (the JVM checks
     * the same itself, but would then only run without the archive). Not a cryptographic hash: the
     * name only has to change, and {@code MessageDigest} would load the security providers here.
     */
    static Path archiveFor(Path jar, long size, long modifiedMillis, String javaHome, String vmVersion) {
        String key = new StringBuilder().append(jar).append('\n').append(size).append('\n').append(modifiedMillis)
                .append('\n').append(javaHome).append('\n').append(vmVersion).toString();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        while (hex.length() < 16) hex = "0".concat(hex);
        return jar.resolveSibling(ARCHIVE_PREFIX.concat(hex.substring(0, ARCHIVE_KEY_DIGITS)).concat(ARCHIVE_SUFFIX));
    }

    /** Whether a file name is one of our archives ({@code argmax-} and 12 hex digits, {@code .jsa}). */
    static boolean isArchiveName(String name) {
        int end = name.length() - ARCHIVE_SUFFIX.length();
        if (!name.startsWith(ARCHIVE_PREFIX) || !name.endsWith(ARCHIVE_SUFFIX) || end - ARCHIVE_PREFIX.length() != ARCHIVE_KEY_DIGITS) return false;
        for (int i = ARCHIVE_PREFIX.length(); i < end; i++) {
            if (Character.digit(name.charAt(i), 16) < 0 || Character.isUpperCase(name.charAt(i))) return false;
        }
        return true;
    }

    /** One run of the child: start it, forward signals and the exit code, keep the archive it wrote. */
    private static final class Child extends Thread {
        private final Path archive;
        private final Path inProgress;
        private final boolean archiveExists;
        private final Process process;

        Child(String javaCommand, List<String> jvmCommandLine, List<String> args, long origin) throws IOException {
            super("stop-server");
            Path jar = Path.of(jarOf(jvmCommandLine).orElseThrow()).toAbsolutePath().normalize();
            File jarFile = jar.toFile();
            if (!jarFile.isFile()) throw new IOException("no jar at ".concat(jar.toString()));
            long pid = ProcessHandle.current().pid();
            Path candidate = archiveFor(jar, jarFile.length(), jarFile.lastModified(),
                    System.getProperty("java.home"), System.getProperty("java.vm.version"));
            File candidateFile = candidate.toFile();
            // no archive where it cannot be written (a read-only install): the child runs without one
            boolean wanted = !"off".equalsIgnoreCase(System.getenv(CDS_ENV));
            this.archiveExists = wanted && candidateFile.isFile();
            this.archive = archiveExists || wanted && jarFile.getAbsoluteFile().getParentFile().canWrite() ? candidate : null;
            this.inProgress = archive == null ? null
                    : archive.resolveSibling(new StringBuilder().append(archive.getFileName()).append('.').append(pid).append(".tmp").toString());
            ProcessBuilder builder = new ProcessBuilder(childCommand(javaCommand, jvmCommandLine, jar, archive, archiveExists, inProgress, pid, origin, args))
                    .inheritIO();
            if (System.getenv("MALLOC_ARENA_MAX") == null) builder.environment().put("MALLOC_ARENA_MAX", String.valueOf(MALLOC_ARENAS));
            if (org.argmax.web.StartupTrace.enabled()) {
                org.argmax.web.StartupTrace.mark(archiveExists ? "launcher: starting the server's JVM with ".concat(archive.getFileName().toString())
                        : archive == null ? "launcher: starting the server's JVM"
                        : "launcher: starting the server's JVM, which writes ".concat(archive.getFileName().toString()).concat(" when it stops"));
            }
            this.process = builder.start();
            Runtime.getRuntime().addShutdownHook(this);
        }

        int awaitExit() {
            while (true) {
                try {
                    int code = process.waitFor();
                    keepArchive();
                    return code;
                } catch (InterruptedException e) {
                    // keep waiting: the child decides when the server has stopped
                }
            }
        }

        /** The shutdown hook. SIGTERM or Ctrl-C to the launcher: the child stops the normal way (shutdown hooks, H2 compaction), then the launcher exits. */
        @Override
        public void run() {
            if (process.isAlive()) process.destroy();
            boolean interrupted = false;
            while (process.isAlive()) {
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            keepArchive();
            if (interrupted) Thread.currentThread().interrupt();
        }

        /** The archive the child wrote when it stopped becomes the one the next start uses; older archives go. */
        private synchronized void keepArchive() {
            if (inProgress == null || archiveExists || !Files.isRegularFile(inProgress)) return;
            try {
                if (Files.size(inProgress) == 0) {
                    Files.deleteIfExists(inProgress);
                    return;
                }
                Files.move(inProgress, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try (Stream<Path> others = Files.list(archive.getParent())) {
                    for (Path p : others.filter(p -> !p.equals(archive) && isArchiveName(p.getFileName().toString())).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                System.err.println("Could not keep the class-data archive " + archive + ": " + e.getMessage());
            }
        }
    }
}
