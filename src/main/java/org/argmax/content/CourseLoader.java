package org.argmax.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code content/course.yml}, the lessons it lists from {@code content/lessons/<slug>.md} and
 * the optional {@code content/glossary.md}. Every problem is collected with its file and line;
 * if there is any, {@link ContentException} lists them all.
 */
public final class CourseLoader {
    public static final String COURSE_FILE = "course.yml";
    public static final String LESSONS_DIR = "lessons";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COURSE_KEYS = Set.of("title", "description", "lessons");
    private static final Set<String> LESSON_KEYS = Set.of("title", "summary", "minutes", "objectives");
    private static final Set<String> PAGE_KEYS = Set.of("title", "summary");
    private static final List<String> PAGES = List.of("glossary");

    private final Path root;

    public CourseLoader(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Course load() {
        List<ContentProblem> problems = new ArrayList<>();
        Path courseFile = root.resolve(COURSE_FILE);
        if (!Files.isRegularFile(courseFile)) {
            problems.add(new ContentProblem(courseFile, 1, "the course file is missing: create it with a title and the list of lessons"));
            throw new ContentException(problems);
        }
        String courseText = read(courseFile, problems);
        YamlMap course = courseText == null ? null : YamlMap.parse(courseFile, courseText, 1, problems);
        if (course == null) throw new ContentException(problems);
        course.rejectUnknownKeys(COURSE_KEYS);
        String title = course.string("title", true);
        String description = course.string("description", "");
        List<Lesson> lessons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<YamlMap.Located<String>> slugs = course.locatedStrings("lessons", true);
        if (slugs.isEmpty() && course.has("lessons")) course.problem("lessons", "the course lists no lessons");
        for (YamlMap.Located<String> slug : slugs) {
            if (!seen.add(slug.value())) {
                course.problemAt(slug.line(), "lesson '" + slug.value() + "' is listed twice");
                continue;
            }
            if (!SLUG.matcher(slug.value()).matches()) {
                course.problemAt(slug.line(), "lesson name '" + slug.value() + "' must use only a-z, 0-9 and single dashes");
                continue;
            }
            Path file = root.resolve(LESSONS_DIR).resolve(slug.value() + ".md");
            if (!Files.isRegularFile(file)) {
                course.problemAt(slug.line(), "unknown lesson '" + slug.value() + "': there is no file "
                        + root.relativize(file) + suggestion(slug.value()));
                continue;
            }
            Lesson lesson = guarded(file, problems, () -> loadLesson(slug.value(), file, problems));
            if (lesson != null) lessons.add(lesson);
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        for (String name : PAGES) {
            Path file = root.resolve(name + ".md");
            if (Files.isRegularFile(file)) {
                Page page = guarded(file, problems, () -> loadPage(name, file, problems));
                if (page != null) pages.put(name, page);
            }
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        return new Course(title, description, lessons, pages);
    }

    private String suggestion(String slug) {
        try (var files = Files.list(root.resolve(LESSONS_DIR))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md")).map(n -> n.substring(0, n.length() - 3)).toList();
            return Suggestions.closest(slug, names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs one file's step; any failure the checks did not foresee becomes a problem naming the file. */
    private static <T> T guarded(Path file, List<ContentProblem> problems, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ContentException e) {
            problems.addAll(e.problems());
        } catch (Throwable t) { // StackOverflowError, OutOfMemoryError, a bug: the site must keep its last good course
            problems.add(ContentProblem.unexpected(file, 1, t));
        }
        return null;
    }

    private Lesson loadLesson(String slug, Path file, List<ContentProblem> problems) {
        String text = read(file, problems);
        if (text == null) return null;
        FrontMatter fm = FrontMatter.split(file, text, problems);
        if (fm == null) return null;
        YamlMap meta = YamlMap.parse(file, fm.yaml(), 2, problems);
        if (meta == null) return null;
        meta.rejectUnknownKeys(LESSON_KEYS);
        String title = meta.string("title", true);
        String summary = meta.string("summary", true);
        int minutes = meta.integer("minutes", 15, 1, 600);
        List<String> objectives = meta.stringList("objectives", true);
        if (meta.has("objectives") && objectives.isEmpty()) meta.problem("objectives", "list at least one learning objective");
        return new Lesson(slug, title, summary, minutes, objectives, fm.body(), file, fm.bodyLine());
    }

    private Page loadPage(String slug, Path file, List<ContentProblem> problems) {
        String text = read(file, problems);
        if (text == null) return null;
        FrontMatter fm = FrontMatter.split(file, text, problems);
        if (fm == null) return null;
        YamlMap meta = YamlMap.parse(file, fm.yaml(), 2, problems);
        if (meta == null) return null;
        meta.rejectUnknownKeys(PAGE_KEYS);
        return new Page(slug, meta.string("title", true), meta.string("summary", ""), fm.body(), file, fm.bodyLine());
    }

    /** The file's text, or null with a problem when it cannot be read or is over {@link ContentLimits#MAX_FILE_BYTES}. */
    static String read(Path file, List<ContentProblem> problems) {
        return ContentLimits.read(file, problems);
    }
}
