package org.argmax.cli;

import org.argmax.content.ContentException;
import org.argmax.content.CourseLoader;
import org.argmax.exercises.ExerciseChecker;
import org.argmax.exercises.Misconceptions;
import org.argmax.exercises.References;
import org.argmax.lessons.CourseFormulas;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.lessons.FormulaSheet;
import org.argmax.lessons.Widgets;
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

    @picocli.CommandLine.Option(names = "--seeds", defaultValue = "" + org.argmax.exercises.ExerciseChecker.DEFAULT_SEEDS,
            description = "Seeds to try per exercise (default: ${DEFAULT-VALUE}).")
    int seeds;

    @picocli.CommandLine.Option(names = "--dump", paramLabel = "FILE",
            description = "Also write every exercise on the same seeds as JSON lines to FILE: data, variables, references, tolerances, misconceptions, mistakes.")
    Path dump;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        try {
            References references = References.standard();
            Misconceptions misconceptions = Misconceptions.standard(references);
            CourseSnapshot snapshot = new CourseService(new CourseLoader(content), references, misconceptions, Widgets.standard()).current();
            var formulas = CourseFormulas.collect(snapshot);
            var math = CompletableFuture.supplyAsync(() -> KatexValidator.shared().check(formulas)); // on the other core
            var report = new ExerciseChecker(references, misconceptions).report(snapshot.exercises(), seeds);
            if (dump != null) out.println(writeDump(snapshot, new org.argmax.exercises.ReferenceDump(references, misconceptions)));
            var problems = new ArrayList<>(report.problems());
            problems.addAll(FormulaSheet.missingBlocks(snapshot));
            problems.addAll(math.join());
            if (!problems.isEmpty()) throw new ContentException(problems);
            report.redrawn().forEach((id, share) -> {
                // data drawn again from the same seed because the first draw was degenerate (see InstanceFactory)
                if (share > 0) out.printf(java.util.Locale.ROOT, "%s: %.2f %% of seeds drew their data again%n", id, 100 * share);
            });
            out.println(content + ": OK, " + snapshot.course().lessons().size() + " lessons, " + snapshot.exercises().size()
                    + " exercises (each checked on " + seeds + " seeds), " + formulas.size() + " formulas rendered by KaTeX ("
                    + FormulaSheet.of(snapshot).size() + " on the formula sheet)");
            return 0;
        } catch (ContentException e) {
            e.problems().forEach(p -> out.println(p));
            out.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + content);
            return 1;
        } catch (java.io.IOException e) {
            out.println("cannot write " + dump + ": " + e.getMessage());
            return 1;
        }
    }

    /** Written even when the check finds ambiguous feedback; stops at the first seed whose data or references fail. */
    private String writeDump(CourseSnapshot snapshot, org.argmax.exercises.ReferenceDump referenceDump) throws java.io.IOException {
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(dump)) {
            return dump + ": " + referenceDump.write(snapshot.exercises(), seeds, w) + " lines";
        } catch (IllegalStateException e) {
            return dump + ": incomplete, " + e.getMessage();
        }
    }
}
