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
import org.argmax.exercises.ExerciseChecker;
import org.argmax.exercises.ExerciseLoader;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.exercises.Misconceptions;
import org.argmax.exercises.References;
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
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Serves the course rendered once and cached. At most once a second (never on every request) the
 * request that comes first compares a cheap fingerprint of the files under {@code content/} (paths,
 * sizes, modification times); when it changed, that request loads and renders the course again
 * while the others keep getting the current snapshot, so an instructor's edit shows within about a
 * second. If the edit broke the content, the last good version keeps being served together with the
 * problems found. A new snapshot is a new object: pages cached for the old one are dropped.
 */
public final class CourseService {
    private static final Logger log = LoggerFactory.getLogger(CourseService.class);

    private final CourseLoader loader;
    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final ExerciseLoader exercises;
    private final ExerciseChecker checker;
    private final Widgets widgets;
    private volatile CourseSnapshot snapshot;
    private final CourseCheckCache checked;
    private final boolean checkedBefore;
    /** The rendering a start from a recorded check left to do, until {@link #renderInBackground(long)} or the first page that needs it runs it. */
    private final FutureTask<CourseSnapshot.Rendered> pendingRender;
    /** The recorded content hash a start took without hashing (the files' sizes and times unchanged), else null. */
    private final String trustedVersion;
    private volatile long fingerprint;
    private volatile String contentVersion;
    /** When the files were last compared (System.nanoTime); a request claims the next check by moving it. */
    private final java.util.concurrent.atomic.AtomicLong lastCheck = new java.util.concurrent.atomic.AtomicLong();
    /** How often the files under content/ are compared with the loaded course. */
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;
    /** A fingerprint that makes the next comparison reload the course ({@link #fingerprint} never returns it in practice). */
    private static final long CHANGED = Long.MIN_VALUE;

    /** Loads and renders the course now; throws {@link ContentException} listing every problem. */
    public CourseService(CourseLoader loader, References references, Misconceptions misconceptions, Widgets widgets) {
        this(loader, references, misconceptions, widgets, null);
    }

    /**
     * Loads the course; throws {@link ContentException} listing every problem. When {@code checked}
     * (may be null) says that these very content files already passed the full check with this
     * build, only the course file and the lessons' front matter are read now and the rest (exercises,
     * Markdown) is made on a thread of its own, which the first page that needs it waits for; else
     * everything is loaded, checked and rendered now, and a pass is recorded in {@code checked}.
     */
    public CourseService(CourseLoader loader, References references, Misconceptions misconceptions, Widgets widgets,
                         CourseCheckCache checked) {
        this.loader = loader;
        this.exercises = new ExerciseLoader(references, misconceptions);
        this.checker = new ExerciseChecker(references, misconceptions);
        this.widgets = widgets;
        this.checked = checked;
        this.fingerprint = fingerprint(loader.root());
        // the same files (names, sizes, modification times) as when a check passed: its recorded hash, confirmed once the
        // server is up (renderInBackground) instead of read and hashed now, ~50 ms of a start's CPU
        this.trustedVersion = checked == null ? null : checked.versionOfUnchangedFiles(fingerprint).orElse(null);
        this.contentVersion = trustedVersion != null ? trustedVersion : contentHash(loader.root());
        if (trustedVersion != null || checked != null && checked.passed(contentVersion)) {
            if (trustedVersion == null) checked.recordPassed(contentVersion, fingerprint); // the same bytes with new times (a checkout)
            Course course = loader.load();
            FutureTask<CourseSnapshot.Rendered> rest = new FutureTask<>(() -> {
                try {
                    return render(course, false);
                } catch (RuntimeException | Error e) { // the content changed while the server started; the next comparison reloads it
                    log.error("Rendering the course, checked at an earlier start, failed", e);
                    throw e;
                }
            });
            this.pendingRender = rest;
            this.snapshot = new CourseSnapshot(course, rest);
            this.checkedBefore = true;
        } else {
            this.snapshot = build();
            if (checked != null) checked.recordPassed(contentVersion, fingerprint);
            this.checkedBefore = false;
            this.pendingRender = null;
        }
        this.lastCheck.set(System.nanoTime());
    }

    /**
     * After a start from a recorded check: renders the exercises and lessons on a thread of its own,
     * beginning {@code delayMillis} from now (the server calls this once it is listening). The delay
     * leaves both cores to the first requests of a start (the home page, a health check): rendering
     * a cold course takes ~0.4 s of CPU, and started at once it delayed the first answer by about 50 ms
     * (BENCHMARKS.md, start-up). A page that needs the rendering before then renders it itself, as it
     * would have waited for it anyway. Then, after a start that took the recorded content hash, the files are hashed to
     * confirm it. Returns the thread (interrupting it in its delay stops it); empty when there is nothing to do.
     */
    public Optional<Thread> renderInBackground(long delayMillis) {
        FutureTask<CourseSnapshot.Rendered> task = pendingRender;
        if (task == null) return Optional.empty();
        Thread t = new Thread(() -> {
            try {
                if (delayMillis > 0) Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return; // stopped: a page that needs the rendering still makes it
            }
            task.run(); // nothing when a page has started it already
            if (trustedVersion != null) confirmTrustedVersion();
        }, "course-render");
        t.setDaemon(true);
        t.start();
        return Optional.of(t);
    }

    /**
     * After a start that took the recorded hash for files with unchanged times: hashes the files now. Should they differ
     * (an edit that kept a file's size and time, e.g. copied with its time preserved), the next request reloads the course
     * with the full check, as after any change.
     */
    private void confirmTrustedVersion() {
        String actual = contentHash(loader.root());
        if (actual.equals(trustedVersion)) return;
        synchronized (this) {
            if (!trustedVersion.equals(contentVersion)) return; // reloaded meanwhile
            log.warn("The content differs from the checked content although its files' sizes and times do not; reloading it with the full check");
            // the record no longer describes these files: a reload that passes writes it again, and if the check fails,
            // the next start checks in full and refuses the course instead of trusting the record again
            checked.forget();
            fingerprint = CHANGED;
        }
        lastCheck.set(System.nanoTime() - CHECK_INTERVAL_NANOS);
    }

    /** Whether this service started from a recorded check ({@link CourseCheckCache}) instead of checking the content itself. */
    public boolean checkedBefore() {
        return checkedBefore;
    }

    /** The widgets lessons may embed, with their titles. */
    public Widgets widgets() {
        return widgets;
    }

    /** The course folder. */
    public Path root() {
        return loader.root();
    }

    /** The content problems as "lessons/map.md:12: message", paths relative to the course folder. */
    public java.util.List<String> problemTexts(CourseSnapshot snapshot) {
        Path root = loader.root().toAbsolutePath().normalize();
        return snapshot.problems().stream().map(p -> {
            Path f = p.file() == null ? null : p.file().toAbsolutePath().normalize();
            String name = f == null ? "" : f.startsWith(root) ? root.relativize(f).toString() : f.getFileName().toString();
            return name + ":" + p.line() + ": " + p.message();
        }).toList();
    }

    /**
     * "sha256:" and the SHA-256 of every file under {@code content/} (relative path and bytes, in
     * path order), as the files are now: servers behind one proxy must serve identical content, and
     * /health shows this so the proxy or a script can compare them.
     */
    public String contentVersion() {
        checkForChanges();
        return contentVersion;
    }

    public CourseSnapshot current() {
        checkForChanges();
        return snapshot;
    }

    /** The course as the files are now, compared at once rather than at most once a second (the check command, tests). */
    public CourseSnapshot currentNow() {
        lastCheck.set(System.nanoTime());
        long files = fingerprint(loader.root());
        if (files != fingerprint) reload(files);
        return snapshot;
    }

    /** Compares the files with the loaded course when a second has passed since the last comparison; one request does it, the others go on. */
    private void checkForChanges() {
        long last = lastCheck.get();
        long now = System.nanoTime();
        if (now - last < CHECK_INTERVAL_NANOS || !lastCheck.compareAndSet(last, now)) return;
        long files = fingerprint(loader.root());
        if (files != fingerprint) reload(files);
    }

    private synchronized void reload(long now) {
        if (now == fingerprint) return;
        contentVersion = contentHash(loader.root());
        try {
            snapshot = build();
            if (checked != null) checked.recordPassed(contentVersion, now);
            log.info("Content changed: course reloaded ({} lessons)", snapshot.course().lessons().size());
        } catch (ContentException e) {
            log.warn("Content changed but has errors; still serving the last good version:\n{}", e.getMessage());
            snapshot = snapshot.withProblems(e.problems());
        } catch (Throwable t) { // build() turns failures into problems; this is the last line of defence
            log.error("Content changed but could not be loaded; still serving the last good version", t);
            snapshot = snapshot.withProblems(List.of(ContentProblem.unexpected(newestFile(loader.root()), 1, t)));
        }
        fingerprint = now;
    }

    /**
     * Loads and renders everything, collecting problems from both steps. Any failure, even a
     * {@link StackOverflowError} or {@link OutOfMemoryError} from a parser, becomes a
     * {@link ContentException} naming the file being processed (or, when that is not known, the
     * file changed last), so a broken edit never replaces the last good course.
     */
    public CourseSnapshot build() {
        try {
            return buildChecked();
        } catch (ContentException e) {
            throw e;
        } catch (Throwable t) {
            log.error("Loading the course failed", t);
            throw new ContentException(List.of(ContentProblem.unexpected(newestFile(loader.root()), 1, t)));
        }
    }

    private CourseSnapshot buildChecked() {
        Course course = loader.load();
        CourseSnapshot.Rendered r = render(course, true);
        return new CourseSnapshot(course, r.lessons(), r.pages(), r.exercises(), r.objectivesHtml(), List.of());
    }

    /** Loads the exercises, checks them on 5 seeds when {@code check}, renders the lessons and pages; throws {@link ContentException} listing every problem. */
    private CourseSnapshot.Rendered render(Course course, boolean check) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, ExerciseSpec> specs = exercises.load(loader.root(), problems);
        long checkStart = System.nanoTime();
        if (check && problems.isEmpty()) problems.addAll(checker.computable(specs, 5));
        if (check) log.debug("Exercises loaded; {} checked on 5 seeds in {} ms", specs.size(), (System.nanoTime() - checkStart) / 1_000_000);
        EmbedTargets targets = new EmbedTargets(widgets.titles().keySet(), specs.keySet());
        Map<String, RenderedDocument> lessons = new HashMap<>();
        Map<String, List<String>> objectives = new HashMap<>();
        EmbedTargets none = new EmbedTargets(java.util.Set.of(), java.util.Set.of());
        for (Lesson lesson : course.lessons()) {
            try {
                lessons.put(lesson.slug(), renderer.render(lesson.markdown(), lesson.source(), lesson.bodyLine(), targets, problems,
                        FormulaSheet.linkFor(lesson.slug())));
                objectives.put(lesson.slug(), lesson.objectives().stream()
                        .map(o -> renderer.renderInline(o, lesson.source(), 2, none, problems)).toList());
            } catch (Throwable t) {
                log.error("Rendering {} failed", lesson.source(), t);
                problems.add(ContentProblem.unexpected(lesson.source(), 1, t));
            }
        }
        Map<String, RenderedDocument> pages = new HashMap<>();
        for (Page page : course.pages().values()) {
            try {
                pages.put(page.slug(), renderer.render(page.markdown(), page.source(), page.bodyLine(), targets, problems));
            } catch (Throwable t) {
                log.error("Rendering {} failed", page.source(), t);
                problems.add(ContentProblem.unexpected(page.source(), 1, t));
            }
        }
        FormulaSheet.placementProblems(course, lessons, pages, problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        return new CourseSnapshot.Rendered(lessons, pages, specs, objectives);
    }

    /** The regular file under {@code root} modified last (the root itself when there is none). */
    static Path newestFile(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .max(java.util.Comparator.comparing(p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            return java.nio.file.attribute.FileTime.fromMillis(0);
                        }
                    }))
                    .orElse(root);
        } catch (IOException | UncheckedIOException e) {
            return root;
        }
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
