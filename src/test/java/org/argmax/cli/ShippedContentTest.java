package org.argmax.cli;

import org.argmax.exercises.ExerciseSpec;
import org.argmax.markdown.RenderedDocument;
import org.argmax.testing.Registries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course shipped in content/ passes {@code check} (every exercise on 2000 seeds, no ambiguous
 * feedback) and keeps the course's promise per lesson: a widget, and at least two exercises on the
 * learner's own generated data with named-mistake feedback switched on.
 */
@Tag("slow")
class ShippedContentTest {
    @Test
    void theShippedCoursePassesCheck() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("check", "content", "--seeds", "2000");
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("(each checked on 2000 seeds)"), out.toString());
    }

    @Test
    void everyLessonHasAWidgetAndTwoExercisesOnOwnDataWithMistakeFeedback() {
        var snapshot = Registries.course(Path.of("content"));
        List<String> shortfalls = new ArrayList<>();
        for (var lesson : snapshot.course().lessons()) {
            List<RenderedDocument.Embed> embeds = snapshot.lessons().get(lesson.slug()).embeds();
            long widgets = embeds.stream().filter(RenderedDocument.Embed::isWidget).count();
            long withFeedback = embeds.stream().filter(RenderedDocument.Embed::isExercise)
                    .map(e -> snapshot.exercises().get(e.id()))
                    .filter(spec -> spec.data() != null && spec.answers().stream().anyMatch(ShippedContentTest::hasMistakeFeedback))
                    .count();
            if (widgets < 1 || withFeedback < 2) {
                shortfalls.add(lesson.slug() + ": " + widgets + " widget(s), " + withFeedback + " exercise(s) on own data with mistake feedback");
            }
        }
        assertEquals(17, snapshot.course().lessons().size());
        assertTrue(shortfalls.isEmpty(), String.join("\n", shortfalls));
    }

    private static boolean hasMistakeFeedback(ExerciseSpec.AnswerSpec answer) {
        return !answer.misconceptions().isEmpty() || !answer.mistakes().isEmpty();
    }
}
