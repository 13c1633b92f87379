package org.argmax.lessons;

import org.argmax.content.ContentProblem;
import org.argmax.content.Course;
import org.argmax.content.Lesson;
import org.argmax.content.Page;
import org.argmax.markdown.FormulaBlock;
import org.argmax.markdown.RenderedDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The formula sheet: every lesson's {@code ```formulas} block ({@link FormulaBlock}, in the lesson's
 * {@code ## Key points} section), in course order, each group linking back to its lesson. It is
 * built from the rendered course, so editing a lesson's block changes the sheet.
 */
public record FormulaSheet(List<Group> groups) {
    /** Where the sheet is served. */
    public static final String PATH = "/formulas";

    public FormulaSheet {
        groups = List.copyOf(groups);
    }

    /** One lesson's formulas; {@code number} is the lesson's place in the course, from 1. */
    public record Group(Lesson lesson, int number, List<FormulaBlock.Entry> formulas) {
        public Group {
            formulas = List.copyOf(formulas);
        }

        /** The id of the group on the sheet (the lesson's key points link to it). */
        public String anchor() {
            return FormulaSheet.anchor(lesson.slug());
        }

        /** The formulas as HTML, the same list as in the lesson's key points box. */
        public String html() {
            return FormulaBlock.listHtml(formulas);
        }
    }

    static String anchor(String slug) {
        return "lesson-" + slug;
    }

    /** The link from a lesson's key points box to its group on the sheet. */
    static String linkFor(String slug) {
        return PATH + "#" + anchor(slug);
    }

    public static FormulaSheet of(CourseSnapshot snapshot) {
        List<Group> groups = new ArrayList<>();
        List<Lesson> lessons = snapshot.course().lessons();
        for (int i = 0; i < lessons.size(); i++) {
            RenderedDocument doc = snapshot.lessons().get(lessons.get(i).slug());
            if (doc == null) continue;
            List<FormulaBlock.Entry> formulas = new ArrayList<>();
            for (FormulaBlock block : doc.formulaBlocks()) formulas.addAll(block.entries());
            if (!formulas.isEmpty()) groups.add(new Group(lessons.get(i), i + 1, formulas));
        }
        return new FormulaSheet(groups);
    }

    /** How many formulas the sheet holds. */
    public int size() {
        return groups.stream().mapToInt(g -> g.formulas().size()).sum();
    }

    /**
     * Where blocks may be: one per lesson, in its {@code ## Key points} section (where the lesson shows
     * it), and none in stand-alone pages (the sheet collects lessons only).
     */
    static void placementProblems(Course course, Map<String, RenderedDocument> lessons, Map<String, RenderedDocument> pages,
                                  List<ContentProblem> problems) {
        for (Lesson lesson : course.lessons()) {
            RenderedDocument doc = lessons.get(lesson.slug());
            if (doc == null) continue;
            List<FormulaBlock> blocks = doc.formulaBlocks();
            for (int i = 0; i < blocks.size(); i++) {
                FormulaBlock block = blocks.get(i);
                if (i > 0) {
                    problems.add(new ContentProblem(lesson.source(), block.line(), "a lesson has one ```formulas block, and this is a second one"
                            + " (the first is on line " + blocks.get(0).line() + "): put all its formulas in one"));
                } else if (!block.section().equalsIgnoreCase("Key points")) {
                    problems.add(new ContentProblem(lesson.source(), block.line(), "the ```formulas block belongs in the lesson's ## Key points section"
                            + (block.section().isEmpty() ? "" : ", not in '" + block.section() + "'")
                            + ": the lesson shows it in its key points box, and the formula sheet collects it from there"));
                }
            }
        }
        for (Page page : course.pages().values()) {
            RenderedDocument doc = pages.get(page.slug());
            if (doc == null) continue;
            for (FormulaBlock block : doc.formulaBlocks()) {
                problems.add(new ContentProblem(page.source(), block.line(), "```formulas blocks belong in lessons (in ## Key points);"
                        + " the formula sheet collects them from the lessons only"));
            }
        }
    }

    /**
     * For {@code check}: every lesson with a {@code ## Key points} section must have its formulas
     * block there, reported on the heading's line. (The server shows a lesson without one; it is
     * just missing from the sheet.)
     */
    public static List<ContentProblem> missingBlocks(CourseSnapshot snapshot) {
        List<ContentProblem> problems = new ArrayList<>();
        for (Lesson lesson : snapshot.course().lessons()) {
            FormulaBlock.Scan scan = FormulaBlock.scan(lesson.markdown(), lesson.source(), lesson.bodyLine(), new ArrayList<>());
            if (scan.keyPointsLine() > 0 && scan.blocks().isEmpty()) {
                problems.add(new ContentProblem(lesson.source(), scan.keyPointsLine(), "the ## Key points section has no ```formulas block:"
                        + " add the lesson's key formulas, one per line as 'label: TeX', so that the formula sheet shows them"));
            }
        }
        return problems;
    }
}
