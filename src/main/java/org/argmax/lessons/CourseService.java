package org.argmax.lessons;

import org.argmax.markdown.MarkdownRenderer;
import org.argmax.markdown.RenderedDocument;
import org.argmax.markdown.EmbedTargets;

import org.argmax.content.ContentException;
import org.argmax.content.ContentProblem;
import org.argmax.content.Course;
import org.argmax.content.CourseLoader;
import org.argmax.content.Lesson;
import org.argmax.content.Page;
import org.argmax.exercises.ExerciseLoader;
import org.argmax.exercises.ExerciseSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves the course rendered once and cached. Each request compares a cheap fingerprint of the
 * files under {@code content/} (paths, sizes, modification times); when it changed, the course is
 * loaded and rendered again, so an instructor's edit shows on the next reload. If the edit broke
 * the content, the last good version keeps being served together with the problems found.
 */
public final class CourseService {
    private static final Logger log = LoggerFactory.getLogger(CourseService.class);

    private final CourseLoader loader;
    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final ExerciseLoader exercises = new ExerciseLoader();
    private volatile CourseSnapshot snapshot;
    private volatile long fingerprint;
    private volatile String contentVersion;

    /** Loads and renders the course now; throws {@link ContentException} listing every problem. */
    public CourseService(CourseLoader loader) {
        this.loader = loader;
        this.fingerprint = fingerprint(loader.root());
        this.contentVersion = contentHash(loader.root());
        this.snapshot = build();
    }

    /**
     * "sha256:" and the SHA-256 of every file under {@code content/} (relative path and bytes, in
     * path order), as the files are now: servers behind one proxy must serve identical content, and
     * /health shows this so the proxy or a script can compare them.
     */
    public String contentVersion() {
        long now = fingerprint(loader.root());
        if (now != fingerprint) reload(now);
        return contentVersion;
    }

    public CourseSnapshot current() {
        long now = fingerprint(loader.root());
        if (now != fingerprint) reload(now);
        return snapshot;
    }

    private synchronized void reload(long now) {
        if (now == fingerprint) return;
        contentVersion = contentHash(loader.root());
        try {
            snapshot = build();
            log.info("Content changed: course reloaded ({} lessons)", snapshot.course().lessons().size());
        } catch (ContentException e) {
            log.warn("Content changed but has errors; still serving the last good version:\n{}", e.getMessage());
            snapshot = snapshot.withProblems(e.problems());
        }
        fingerprint = now;
    }

    /** Loads and renders everything, collecting problems from both steps. */
    public CourseSnapshot build() {
        Course course = loader.load();
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, ExerciseSpec> specs = exercises.load(loader.root(), problems);
        if (problems.isEmpty()) problems.addAll(new org.argmax.exercises.ExerciseChecker().computable(specs, 5));
        EmbedTargets targets = new EmbedTargets(Widgets.titles().keySet(), specs.keySet());
        Map<String, RenderedDocument> lessons = new HashMap<>();
        Map<String, List<String>> objectives = new HashMap<>();
        EmbedTargets none = new EmbedTargets(java.util.Set.of(), java.util.Set.of());
        for (Lesson lesson : course.lessons()) {
            lessons.put(lesson.slug(), renderer.render(lesson.markdown(), lesson.source(), lesson.bodyLine(), targets, problems));
            objectives.put(lesson.slug(), lesson.objectives().stream()
                    .map(o -> renderer.renderInline(o, lesson.source(), 2, none, problems)).toList());
        }
        Map<String, RenderedDocument> pages = new HashMap<>();
        for (Page page : course.pages().values()) {
            pages.put(page.slug(), renderer.render(page.markdown(), page.source(), page.bodyLine(), targets, problems));
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        return new CourseSnapshot(course, lessons, pages, specs, objectives, List.of());
    }

    static String contentHash(Path root) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(root)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path p : files) {
                    byte[] name = root.relativize(p).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    byte[] bytes = Files.readAllBytes(p);
                    sha.update(java.nio.ByteBuffer.allocate(16).putLong(name.length).putLong(bytes.length).array());
                    sha.update(name);
                    sha.update(bytes);
                }
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException | UncheckedIOException e) {
            return "unreadable: " + e.getMessage();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long fingerprint(Path root) {
        if (!Files.isDirectory(root)) return 0;
        try (Stream<Path> files = Files.walk(root)) {
            long[] h = {17};
            files.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    h[0] = 31 * h[0] + p.hashCode();
                    h[0] = 31 * h[0] + a.size();
                    h[0] = 31 * h[0] + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (IOException e) {
                    h[0] = 31 * h[0] + 1; // vanished between listing and reading: still a change
                }
            });
            return h[0];
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
