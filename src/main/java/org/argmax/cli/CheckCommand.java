package org.argmax.cli;

import org.argmax.content.ContentException;
import org.argmax.content.CourseLoader;
import org.argmax.exercises.ExerciseChecker;
import org.argmax.lessons.CourseFormulas;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.markdown.KatexValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/** {@code argmax check [DIR]}: validates the course and prints {@code file:line: message} per problem. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate the course folder; exit 1 on any problem.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "content", description = "The course folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @picocli.CommandLine.Option(names = "--seeds", defaultValue = "200",
            description = "Seeds to try per exercise (default: ${DEFAULT-VALUE}).")
    int seeds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        try {
            CourseSnapshot snapshot = new CourseService(new CourseLoader(content)).current();
            var formulas = CourseFormulas.collect(snapshot);
            var math = CompletableFuture.supplyAsync(() -> KatexValidator.shared().check(formulas)); // on the other core
            var problems = new ArrayList<>(new ExerciseChecker().check(snapshot.exercises(), seeds));
            problems.addAll(math.join());
            if (!problems.isEmpty()) throw new ContentException(problems);
            out.println(content + ": OK, " + snapshot.course().lessons().size() + " lessons, " + snapshot.exercises().size()
                    + " exercises (each checked on " + seeds + " seeds), " + formulas.size() + " formulas rendered by KaTeX");
            return 0;
        } catch (ContentException e) {
            e.problems().forEach(p -> out.println(p));
            out.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + content);
            return 1;
        }
    }
}
