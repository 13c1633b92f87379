package org.argmax.cli;

import org.argmax.content.ContentException;
import org.argmax.content.CourseLoader;
import org.argmax.db.Database;
import org.argmax.exercises.Misconceptions;
import org.argmax.exercises.References;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.Widgets;
import org.argmax.progress.InstructorRepository;
import org.argmax.progress.InstructorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code argmax export gradebook|attempts [--out FILE]}: the same CSV files as the instructor pages. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the gradebook or every attempt as CSV.")
public final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions db;

    @Parameters(index = "0", description = "What to export: gradebook or attempts.")
    String what;

    @Option(names = "--out", description = "Write to this file instead of standard output.")
    Path out;

    @Option(names = "--content", defaultValue = "content", description = "The course folder, for exercise order (default: ${DEFAULT-VALUE}).")
    Path content;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!what.equals("gradebook") && !what.equals("attempts")) {
            err.println("Export 'gradebook' or 'attempts', not '" + what + "'.");
            return 2;
        }
        try (Database database = db.open();
             Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            InstructorService service = new InstructorService(new InstructorRepository(database.dataSource()));
            if (what.equals("gradebook")) service.writeGradebook(course().current(), w);
            else service.writeAttempts(w);
        } catch (ContentException e) {
            err.println("The course in " + content + " has problems:");
            e.problems().forEach(err::println);
            return 1;
        }
        if (out != null) spec.commandLine().getOut().println("Wrote " + out);
        return 0;
    }

    /** The course, for the order of its exercises: loaded with the standard registries, as the server does. */
    private CourseService course() {
        References references = References.standard();
        return new CourseService(new CourseLoader(content), references, Misconceptions.standard(references), Widgets.standard());
    }
}
