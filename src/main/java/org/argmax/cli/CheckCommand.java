package org.argmax.cli;

import org.argmax.content.ContentException;
import org.argmax.content.CourseLoader;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code argmax check [DIR]}: validates the course and prints {@code file:line: message} per problem. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate the course folder; exit 1 on any problem.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "content", description = "The course folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        try {
            CourseSnapshot snapshot = new CourseService(new CourseLoader(content)).current();
            out.println(content + ": OK, " + snapshot.course().lessons().size() + " lessons");
            return 0;
        } catch (ContentException e) {
            e.problems().forEach(p -> out.println(p));
            out.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + content);
            return 1;
        }
    }
}
