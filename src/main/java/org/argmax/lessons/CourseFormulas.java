package org.argmax.lessons;

import org.argmax.content.FrontMatter;
import org.argmax.content.Lesson;
import org.argmax.content.Page;
import org.argmax.exercises.ExerciseService;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.markdown.FormulaBlock;
import org.argmax.markdown.KatexValidator;
import org.argmax.markdown.MathExtractor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Every formula of a loaded course with the file and line it is written on, as the browser's KaTeX
 * gets it: lesson and glossary bodies (with the lessons' {@code ```formulas} blocks), lesson objectives, and in exercises the prompt, answer labels,
 * hints and choice texts. Formulas are taken out by the same {@link MathExtractor} the pages use;
 * {@code {{name}}} placeholders in prompts and labels, which learners see replaced by numbers, are
 * replaced by {@value #SAMPLE_VALUE} first, as nowhere else. Choice feedback and mistake messages are
 * shown as plain text today, but math written there is collected too, so it is valid TeX.
 */
public final class CourseFormulas {
    /** Stands for a learner's value in {@code {{name}}} placeholders. */
    public static final String SAMPLE_VALUE = "1.5";

    private CourseFormulas() {
    }

    public static List<KatexValidator.Formula> collect(CourseSnapshot snapshot) {
        List<KatexValidator.Formula> out = new ArrayList<>();
        for (Lesson lesson : snapshot.course().lessons()) {
            FrontMatter fm = FrontMatter.split(lesson.source(), read(lesson.source()), new ArrayList<>());
            if (fm != null) yamlText(lesson.source(), fm.yaml(), 2, items(value(compose(fm.yaml()), "objectives")), false, out);
            markdown(lesson.source(), lesson.markdown(), lesson.bodyLine(), out);
        }
        for (Page page : snapshot.course().pages().values()) markdown(page.source(), page.markdown(), page.bodyLine(), out);
        for (ExerciseSpec spec : snapshot.exercises().values()) exercise(spec.source(), out);
        return out;
    }

    private static void markdown(Path file, String text, int firstLine, List<KatexValidator.Formula> out) {
        MathExtractor math = new MathExtractor();
        math.extract(text, file, firstLine, new ArrayList<>());
        for (MathExtractor.Formula f : math.formulas()) {
            out.add(new KatexValidator.Formula(file, f.line(), f.written(), f.tex(), f.display()));
        }
        // the ```formulas block (code to the Markdown step, display math on the page and the formula sheet)
        for (FormulaBlock block : FormulaBlock.scan(text, file, firstLine, new ArrayList<>()).blocks()) {
            for (FormulaBlock.Entry e : block.entries()) out.add(new KatexValidator.Formula(file, e.line(), e.written(), e.tex(), true));
        }
    }

    /** The texts of an exercise file that may hold math, in file order per answer. */
    static void exercise(Path file, List<KatexValidator.Formula> out) {
        String text = read(file);
        Node root = compose(text);
        yamlText(file, text, 1, Arrays.asList(value(root, "prompt")), true, out);
        for (Node answer : items(value(root, "answers"))) {
            yamlText(file, text, 1, Arrays.asList(value(answer, "label")), true, out);
            yamlText(file, text, 1, items(value(answer, "hints")), false, out);
            for (Node choice : items(value(answer, "choices"))) {
                yamlText(file, text, 1, Arrays.asList(value(choice, "text"), value(choice, "feedback")), false, out);
            }
            for (Node mistake : items(value(answer, "mistakes"))) {
                yamlText(file, text, 1, Arrays.asList(value(mistake, "message")), false, out);
            }
        }
    }

    /**
     * The formulas in YAML scalars of {@code text}, which starts on line {@code firstLine} of
     * {@code file}. The value is stripped, as the loaders do; with {@code substituted}, placeholders are
     * replaced as for learners, and offsets are mapped back to the value as written.
     */
    private static void yamlText(Path file, String text, int firstLine, List<Node> nodes, boolean substituted,
                                 List<KatexValidator.Formula> out) {
        for (Node node : nodes) {
            if (!(node instanceof ScalarNode scalar)) continue;
            String value = scalar.getValue();
            int lead = value.length() - value.stripLeading().length();
            String stripped = value.strip();
            List<int[]> shifts = new ArrayList<>(); // {offset in the substituted text after a placeholder, chars added}
            String shown = substituted ? substitute(stripped, shifts) : stripped;
            MathExtractor math = new MathExtractor();
            math.extract(shown, file, 1, new ArrayList<>());
            for (MathExtractor.Formula f : math.formulas()) {
                int start = written(f.offset(), shifts);
                int line = firstLine - 1 + lineOf(scalar, text, lead + start);
                String asWritten = stripped.substring(start, written(f.offset() + f.written().length(), shifts));
                out.add(new KatexValidator.Formula(file, line, asWritten, f.tex(), f.display()));
            }
        }
    }

    /** The offset in the text as written of an offset outside placeholders in the substituted text. */
    private static int written(int offset, List<int[]> shifts) {
        int out = offset;
        for (int[] s : shifts) if (s[0] <= offset) out -= s[1];
        return out;
    }

    private static String substitute(String text, List<int[]> shifts) {
        Matcher m = ExerciseService.VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, SAMPLE_VALUE);
            shifts.add(new int[]{out.length(), SAMPLE_VALUE.length() - (m.end() - m.start())});
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The 1-based line of {@code text} on which character {@code offset} of the scalar's value was
     * written. Block scalars keep their lines; folded, plain and quoted ones join lines and may hold
     * escapes, so the value is followed through the source one visible character at a time.
     */
    static int lineOf(ScalarNode node, String text, int offset) {
        String value = node.getValue();
        int pos = indexOf(text, node.getStartMark().getLine(), node.getStartMark().getColumn());
        int end = indexOf(text, node.getEndMark().getLine(), node.getEndMark().getColumn());
        if (node.getScalarStyle() == ScalarStyle.LITERAL || node.getScalarStyle() == ScalarStyle.FOLDED) {
            int eol = text.indexOf('\n', pos); // past the | or > header
            pos = eol < 0 ? pos : eol + 1;
        }
        for (int v = 0; v <= offset && v < value.length(); v++) {
            char c = value.charAt(v);
            if (Character.isWhitespace(c)) continue;
            int found = text.indexOf(c, pos);
            if (found < 0 || found >= end) break; // an escape that cannot be followed: keep the last place
            pos = v == offset ? found : found + 1;
        }
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** Index in {@code text} of a SnakeYAML mark (0-based line, column in code points). */
    private static int indexOf(String text, int line, int column) {
        int i = 0;
        for (int l = 0; l < line && i >= 0; l++) {
            i = text.indexOf('\n', i);
            if (i >= 0) i++;
        }
        if (i < 0) return text.length();
        try {
            return Math.min(text.length(), text.offsetByCodePoints(i, column));
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    private static Node compose(String text) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return null; // the loaders already reported it
        }
    }

    private static Node value(Node map, String key) {
        if (!(map instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }

    /** A sequence's items, or a single value as a list of one, as the loaders read them. */
    private static List<Node> items(Node node) {
        if (node instanceof SequenceNode seq) return seq.getValue();
        return node == null ? List.of() : List.of(node);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
