package org.argmax.progress;

import org.argmax.accounts.AccountService;
import org.argmax.accounts.Role;
import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.Grade;
import org.argmax.markdown.RenderedDocument;
import org.argmax.testing.Registries;
import org.argmax.testing.ServerPerClass;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner always knows where they stand: lesson status counts exercises, /progress lists scores, home says where to start. */
class LearnerStandingTest {
    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.shippedCourse();
    static AccountService accounts;
    static AttemptRepository attempts;

    @BeforeAll
    static void start() {
        var db = server.app().database().dataSource();
        accounts = TestAccounts.on(db);
        attempts = new AttemptRepository(db);
    }

    static Grade right() {
        return new Grade(List.of(new Grade.AnswerVerdict("x", "1", true, null, "Correct.")), true, 1);
    }

    @Test
    void solvingEveryExerciseOfALessonOnTheirOwnPagesCompletesIt() {
        long id = accounts.create("Noor", "noor", "noor's long password", Role.LEARNER).id();
        WebClient web = server.client();
        web.signIn("noor", "noor's long password");
        String fresh = web.get("/").body();
        assertTrue(fresh.contains("Welcome, Noor") && fresh.contains("Start with lesson 1"), "a new account is told where to start");

        // every exercise of the gaussian-mle lesson, as the shipped course has them (not a hard-coded count)
        List<String> gaussianExercises = Registries.course(Path.of("content")).lessons().get("gaussian-mle").embeds().stream()
                .filter(RenderedDocument.Embed::isExercise).map(RenderedDocument.Embed::id).toList();
        assertTrue(gaussianExercises.containsAll(List.of("normal-variance", "normal-sd")), gaussianExercises.toString());
        for (String exercise : gaussianExercises) attempts.save(id, exercise, 0, Map.of("x", "1"), right());
        String solvedAll = gaussianExercises.size() + " of " + gaussianExercises.size() + " exercises solved";
        attempts.save(id, "coin-mle", 0, Map.of("theta", "0.1"), new Grade(List.of(new Grade.AnswerVerdict("theta", "0.1", false, null, "Not quite.")), false, 0));
        String progress = web.get("/progress").body();
        String gaussian = progress.substring(progress.indexOf("data-lesson=\"gaussian-mle\""));
        gaussian = gaussian.substring(0, gaussian.indexOf("</tr>"));
        assertTrue(gaussian.contains("status-completed\">completed") && gaussian.contains(solvedAll), gaussian);
        String likelihood = progress.substring(progress.indexOf("data-lesson=\"likelihood\""));
        likelihood = likelihood.substring(0, likelihood.indexOf("</tr>"));
        assertTrue(likelihood.contains("status-read\">read") && likelihood.matches("(?s).*\\b0 of [1-9]\\d* exercises solved.*"), "tried, never opened: " + likelihood);
        String sd = progress.substring(progress.indexOf("data-exercise=\"normal-sd\""));
        sd = sd.substring(0, sd.indexOf("</tr>"));
        assertTrue(sd.contains("href=\"/exercises/normal-sd\"") && sd.contains("100 %") && sd.contains("solved"), sd);
        assertTrue(progress.contains("<span>1</span> of <span>17</span> lessons completed"), "the lead counts it");

        String home = web.get("/").body();
        assertTrue(home.contains("Where you are") && !home.contains("Welcome, Noor"), "home after some work");
        assertTrue(web.get("/lessons/gaussian-mle").body().contains(solvedAll), "the lesson's own status line");
    }

    @Test
    void giveUpFromTheExercisePageStaysThereAndSaysSo() {
        accounts.create("Omar", "omar", "omar's long password", Role.LEARNER);
        WebClient web = server.client();
        web.signIn("omar", "omar's long password");
        String page = web.get("/exercises/normal-sd").body();
        assertTrue(page.contains("<h1 class=\"exercise-title\">"), "the exercise's own page has an h1");
        assertTrue(page.contains("Give up and show the answer&#8230;</summary>"), "give up asks first (ExerciseHtml writes characters beyond Latin-1 as references)");
        HttpResponse<String> r = web.post("/exercises/normal-sd/reveal", Map.of("from", "exercise"));
        assertEquals(303, r.statusCode());
        assertEquals("/exercises/normal-sd#exercise-normal-sd", r.headers().firstValue("location").orElse(""));
        String after = web.get("/exercises/normal-sd").body();
        assertTrue(after.contains("You gave up on this data"), "the given-up state in words");
        assertEquals("/lessons/gaussian-mle#exercise-normal-variance",
                web.post("/exercises/normal-variance/reveal", Map.of()).headers().firstValue("location").orElse(""), "from the lesson: back to it");
    }

    @Test
    void outOfAttemptsSaysSoAndTheVerdictIsSaidOnce() {
        long id = accounts.create("Pia", "pia", "pia's long password", Role.LEARNER).id();
        for (int i = 0; i < 6; i++) {
            attempts.save(id, "poisson-mle", 0, Map.of("lambda", "1"), new Grade(List.of(new Grade.AnswerVerdict("lambda", "1", false, null,
                    "Not quite: that is not to 4 significant figures of the answer.")), false, 0));
        }
        WebClient web = server.client();
        web.signIn("pia", "pia's long password");
        String page = web.get("/exercises/poisson-mle").body();
        assertTrue(page.contains("No attempts left on this data."), page);
        assertTrue(page.contains("<strong>Not yet</strong><span> (lambda)</span><span>. That is not to 4 significant figures of the answer.</span>"), page);
        assertFalse(page.contains("Not quite"), "the verdict is not said twice");
    }

    @Test
    void missingPagesSayWhatIsMissingInWords() {
        HttpResponse<String> r = server.get("/no/such/page");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("There is no page at /no/such/page."), r.body());
        assertFalse(r.body().contains("Endpoint GET"), "not Javalin's wording");
    }
}
