package org.argmax.lessons;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Remembers, between starts, that the course loaded and passed its checks (the exercises' 5-seed
 * check, Markdown, placement) with exactly these content files and exactly this build of the
 * application. Loading is deterministic given both, so a server started again on unchanged content
 * need not check it again: it serves the course list at once and renders the rest beside the start
 * ({@link CourseService}).
 *
 * <p>One small text file (by default next to the H2 database: {@code db/argmax.course-check}) holding
 * the content's SHA-256 ({@link CourseService#contentVersion()}), the build's identity
 * ({@link #currentBuild()}) and a fingerprint of the files' names, sizes and modification times, written
 * atomically after a full check passed. With the same fingerprint a start takes the recorded hash instead
 * of reading every file, and confirms it once the server is up. Anything else (no file,
 * another content hash or build, an unreadable or corrupt file) means a full load and check, as
 * without the file.
 */
public final class CourseCheckCache {
    private static final Logger log = LoggerFactory.getLogger(CourseCheckCache.class);
    static final String HEADER = "argmax course check 2";
    /** Appended to the database's path: {@code db/argmax} → {@code db/argmax.course-check}. */
    public static final String SUFFIX = ".course-check";
    /** A build that cannot be identified is never trusted. */
    static final String UNKNOWN = "unknown";

    private final Path file;
    private final String build;

    /** {@code build}: what identifies the application's code ({@link #currentBuild()} outside tests). */
    public CourseCheckCache(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /** The cache next to an embedded H2 file database ({@code jdbc:h2:./db/argmax} → {@code ./db/argmax.course-check}); empty for other databases. */
    public static Optional<CourseCheckCache> nextToDatabase(String jdbcUrl) {
        return databaseFile(jdbcUrl).flatMap(base -> {
            try {
                return Optional.of(new CourseCheckCache(Path.of(base + SUFFIX), currentBuild()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The folder of an embedded H2 file URL's database (where the record is kept); empty for other URLs. The server makes it
     * before its start-up jobs run: H2 makes a missing folder with a check and then a {@code mkdir} that fails, as "a file
     * with this name already exists", when the folder appeared in between, as it did once when this record's writer on
     * the course thread made it at that moment.
     */
    public static Optional<Path> databaseFolder(String jdbcUrl) {
        return databaseFile(jdbcUrl).flatMap(base -> {
            try {
                return Optional.ofNullable(Path.of(base).toAbsolutePath().getParent());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The path an embedded H2 URL names, without H2's {@code .mv.db}; empty for memory, remote and prefixed file systems. */
    private static Optional<String> databaseFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) return Optional.empty();
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        if (options >= 0) rest = rest.substring(0, options);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        boolean drive = rest.length() > 2 && rest.charAt(1) == ':' && (rest.charAt(2) == '/' || rest.charAt(2) == '\\');
        if (rest.isEmpty() || rest.contains(":") && !drive) {
            return Optional.empty(); // in memory, remote, or a file system H2 names with a prefix (nio:, split:, zip:, ...)
        }
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return Optional.of(rest);
    }

    public Path file() {
        return file;
    }

    /** Whether a full check passed on content with this hash, with this build. */
    public boolean passed(String contentVersion) {
        if (contentVersion == null || !contentVersion.startsWith("sha256:")) return false;
        List<String> lines = recorded(); // whatever files it was recorded for: the hash says the bytes are the same
        return lines.size() == 4 && lines.get(0).equals(HEADER) && lines.get(1).equals("content " + contentVersion)
                && lines.get(2).equals("build " + build);
    }

    /**
     * The hash of the content that passed the full check with this build, when the files are the same ones: {@code files} is
     * {@link CourseService}'s fingerprint of their names, sizes and modification times, as recorded with the pass. Empty
     * otherwise.
     */
    public Optional<String> versionOfUnchangedFiles(long files) {
        List<String> lines = recorded();
        if (lines.size() != 4 || !lines.get(1).startsWith("content sha256:")) return Optional.empty();
        String version = lines.get(1).substring("content ".length());
        return lines.equals(lines(version, files)) ? Optional.of(version) : Optional.empty();
    }

    /** The file's lines when it may be trusted at all (a known build, a small UTF-8 file), else none. */
    private List<String> recorded() {
        if (build.startsWith(UNKNOWN)) return List.of();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) return List.of();
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return List.of(); // unreadable or not UTF-8: check in full
        }
    }

    /**
     * Records that the full check passed on content with this hash, whose files had the fingerprint {@code files}; a failure
     * to write only costs the next start its check.
     */
    public void recordPassed(String contentVersion, long files) {
        if (contentVersion == null || !contentVersion.startsWith("sha256:")) return;
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (dir == null) return;
            Files.createDirectories(dir); // the database's folder, which H2 may not have made yet on a first start
            temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(temp, lines(contentVersion, files), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            log.debug("Could not record the course check in {}: {}", file, e.toString());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // left behind: harmless
                }
            }
        }
    }

    /** Deletes the record (it no longer describes the files): the next start checks in full. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            log.warn("Could not delete the course check record {}: {}; the next start may trust it", file, e.toString());
        }
    }

    private List<String> lines(String contentVersion, long files) {
        return List.of(HEADER, "content " + contentVersion, "build " + build, "files " + files);
    }

    /**
     * The identity of the running code: for a jar, its absolute path, size and modification time;
     * for a folder of classes (tests, an IDE), the relative path, size and modification time of every
     * file in it, hashed. Any rebuild changes it.
     */
    public static String currentBuild() {
        Path code;
        try {
            var source = CourseCheckCache.class.getProtectionDomain().getCodeSource();
            if (source == null) return UNKNOWN;
            code = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return UNKNOWN;
        }
        try {
            if (Files.isRegularFile(code)) {
                BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
                return "jar " + code + " " + a.size() + " " + a.lastModifiedTime().toMillis();
            }
            long h = 17;
            int files = 0;
            try (Stream<Path> walk = Files.walk(code)) {
                for (Path p : walk.sorted().toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (!a.isRegularFile()) continue;
                    h = 31 * h + code.relativize(p).toString().hashCode();
                    h = 31 * h + a.size();
                    h = 31 * h + a.lastModifiedTime().toMillis();
                    files++;
                }
            }
            return "classes " + code + " " + files + " " + Long.toHexString(h);
        } catch (IOException | UncheckedIOException e) {
            return UNKNOWN;
        }
    }
}
