package org.argmax.testing;

import org.argmax.content.CourseLoader;
import org.argmax.exercises.ExerciseChecker;
import org.argmax.exercises.ExerciseLoader;
import org.argmax.exercises.Grader;
import org.argmax.exercises.InstanceFactory;
import org.argmax.exercises.Misconceptions;
import org.argmax.exercises.References;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.lessons.Widgets;

import java.nio.file.Path;

/**
 * The registries {@code App} builds once at start (references, misconceptions, widgets), built the
 * same way for tests, and the services made from them as {@code App} makes them.
 */
public final class Registries {
    private Registries() {
    }

    public static References references() {
        return References.standard();
    }

    public static Misconceptions misconceptions() {
        return Misconceptions.standard(references());
    }

    public static InstanceFactory instanceFactory() {
        References references = references();
        return new InstanceFactory(references, Misconceptions.standard(references));
    }

    public static Grader grader() {
        return new Grader(references());
    }

    public static ExerciseLoader exerciseLoader() {
        References references = references();
        return new ExerciseLoader(references, Misconceptions.standard(references));
    }

    public static ExerciseChecker exerciseChecker() {
        References references = references();
        return new ExerciseChecker(references, Misconceptions.standard(references));
    }

    /** The course in {@code root}, loaded as the server loads it (throws {@code ContentException} on problems). */
    public static CourseService courseService(Path root) {
        References references = references();
        return new CourseService(new CourseLoader(root), references, Misconceptions.standard(references), Widgets.standard());
    }

    public static CourseSnapshot course(Path root) {
        return courseService(root).current();
    }
}
