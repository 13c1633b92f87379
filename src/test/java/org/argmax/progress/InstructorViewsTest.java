package org.argmax.progress;

import org.argmax.accounts.AccountService;
import org.argmax.accounts.Role;
import org.argmax.accounts.User;
import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.Grade;
import org.argmax.testing.Registries;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instructor's numbers on a database seeded with known attempts, in the pages and the CSV files. */
class InstructorViewsTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static WebClient prof;
    static User ada, bob, eve;

    @BeforeAll
    static void seed() {
        server = new TestServer(Path.of("content"), tmp);
        DataSource db = server.app().database().dataSource();
        AccountService accounts = TestAccounts.on(db);
        var professor = accounts.create("Professor", "prof", "prof's long password", Role.INSTRUCTOR);
        ada = accounts.create("Ada", "ada", "ada's long password", Role.LEARNER);
        bob = accounts.create("Bob", "bob", "bob's long password", Role.LEARNER);
        eve = accounts.create("=HYPERLINK(\"http://evil\")", "eve", "eve's long password", Role.LEARNER);
        AttemptRepository attempts = new AttemptRepository(db);
        // ada: coin-mle wrong (share-of-tails) then right; bob: coin-mle wrong ×3 (share-of-tails twice); eve: one right coin-loglik
        attempts.save(ada.id(), "coin-mle", 0, Map.of("theta", "0.3"), grade(false, 0, "share-of-tails"));
        attempts.save(ada.id(), "coin-mle", 0, Map.of("theta", "0.7"), grade(true, 0.9, null));
        attempts.save(bob.id(), "coin-mle", 0, Map.of("theta", "0.4"), grade(false, 0, "share-of-tails"));
        attempts.save(bob.id(), "coin-mle", 0, Map.of("theta", "0.41"), grade(false, 0, "share-of-tails"));
        attempts.save(bob.id(), "coin-mle", 0, Map.of("theta", "9"), grade(false, 0, null));
        attempts.save(eve.id(), "coin-loglik", 0, Map.of("loglik", "=1+1"), grade(true, 1, null));
        ProgressRepository progress = new ProgressRepository(db);
        progress.recordVisit(ada.id(), "likelihood");
        progress.setCompleted(ada.id(), "likelihood", true);
        progress.recordVisit(bob.id(), "likelihood");
        // the instructor tries the course too: none of this may show in the class's numbers
        attempts.save(professor.id(), "coin-mle", 0, Map.of("theta", "0.3"), grade(false, 0, "share-of-tails"));
        attempts.save(professor.id(), "coin-mle", 0, Map.of("theta", "0.7"), grade(true, 1, null));
        progress.recordVisit(professor.id(), "likelihood");
        progress.setCompleted(professor.id(), "likelihood", true);
        prof = new WebClient(server);
        assertEquals(303, prof.signIn("prof", "prof's long password").statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Grade grade(boolean correct, double score, String rule) {
        return new Grade(List.of(new Grade.AnswerVerdict("x", "v", correct, rule, "msg")), correct, score);
    }

    @Test
    void overviewCountsReadersSolversMedianAttemptsAndMistakes() {
        String page = prof.get("/instructor").body();
        assertTrue(page.contains("Learners (<span>3</span>)"), page);
        assertTrue(page.matches("(?s).*data-lesson=\"likelihood\".*?<span class=\"read\">2</span>.*?<span class=\"completed\">1</span>.*"),
                "2 read, 1 completed");
        String coin = row(page, "coin-mle");
        assertTrue(coin.contains("<td class=\"tried\">2</td>"), coin);
        assertTrue(coin.contains("<span>50 %</span>"), "1 of 2 solved: " + coin);
        assertTrue(coin.contains("<td class=\"first\">0 %</td>"), "nobody right at the first attempt: " + coin);
        assertTrue(coin.contains("<td class=\"median\">2.5</td>"), "median of 2 and 3 attempts: " + coin);
        // 3 of the 4 wrong attempts named share-of-tails
        assertTrue(coin.matches("(?s).*data-rule=\"share-of-tails\".*?<span>75 %</span>.*"), coin);
        String untried = row(page, "coin-peak");
        assertTrue(untried.contains("<td class=\"median\">—</td>") && untried.contains("<td class=\"first\">—</td>"), untried);
        assertFalse(untried.contains("0.0"), untried);
    }

    @Test
    void discriminationIsTheCorrelationOfItemAndRestScores() {
        String page = prof.get("/instructor").body();
        // learners with attempts: ada (coin-mle 0.9), bob (coin-mle 0), eve (coin-loglik 1)
        // coin-mle: item (0.9, 0, 0) against rest (0, 0, 1): r = -0.5
        assertTrue(row(page, "coin-mle").contains("<td class=\"discrimination\">−0.5</td>"), row(page, "coin-mle"));
        assertTrue(row(page, "coin-peak").contains("<td class=\"discrimination\">—</td>"), "not tried: undefined");
    }

    private static String row(String page, String exercise) {
        String r = page.substring(page.indexOf("data-exercise=\"" + exercise + "\""));
        return r.substring(0, r.indexOf("</tr>"));
    }

    @Test
    void gradebookAndLearnerPages() {
        String book = prof.get("/instructor/gradebook").body();
        String adaRow = book.substring(book.indexOf("data-user=\"" + ada.id() + "\""));
        adaRow = adaRow.substring(0, adaRow.indexOf("</tr>"));
        assertTrue(adaRow.contains("<td>90 %</td>"), adaRow);
        String learner = prof.get("/instructor/learners/" + bob.id()).body();
        assertTrue(learner.contains("Attempts (<span>3</span>)"), learner);
        assertTrue(learner.contains("<code>x = v</code>"), "what was typed, as text: " + learner);
        assertFalse(learner.contains("{&quot;") || learner.contains("{\""), "no raw JSON");
        long seed = org.argmax.exercises.InstanceFactory.seedFor(bob.id(), "coin-mle", 0);
        assertTrue(learner.contains("href=\"/instructor/exercises/coin-mle/preview?seed=" + seed + "\""), "a link to the data bob had");
        assertTrue(learner.contains("<code>share-of-tails</code>"), "the named mistake");
        assertEquals(404, prof.get("/instructor/learners/99999").statusCode());
    }

    @Test
    void csvExportsAreCorrectAndSafeAgainstFormulaInjection() {
        HttpResponse<String> r = prof.get("/instructor/gradebook.csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertTrue(lines[0].startsWith("username,display_name,") && lines[0].contains(",coin-mle,coin-peak,coin-loglik,"), lines[0]);
        int columns = lines[0].split(",", -1).length;
        String ada = List.of(lines).stream().filter(l -> l.startsWith("ada,")).findFirst().orElseThrow();
        int coinMle = List.of(lines[0].split(",", -1)).indexOf("coin-mle");
        String[] adaCells = ada.split(",", -1);
        assertEquals(columns, adaCells.length, ada);
        for (int i = 2; i < columns; i++)
            assertEquals(i == coinMle ? "0.9" : "", adaCells[i], "best score under coin-mle, empty cells elsewhere: " + ada);
        String eveLine = List.of(lines).stream().filter(l -> l.startsWith("eve,")).findFirst().orElseThrow();
        assertTrue(eveLine.startsWith("eve,\"'=HYPERLINK(\"\"http://evil\"\")\","), eveLine);
        String attempts = prof.get("/instructor/attempts.csv").body();
        assertEquals(7, attempts.split("\r\n").length, "header + 6 attempts");
        assertTrue(attempts.contains("\"{\"\"loglik\"\":\"\"=1+1\"\"}\""), "JSON answers are quoted text");
        assertFalse(attempts.contains("\n=") || attempts.contains(",=") , "no cell starts with =");
    }

    @Test
    void previewShowsDataReferenceAndEveryMisconceptionForAnySeed() {
        String page = prof.get("/instructor/exercises/coin-loglik/preview?seed=17").body();
        var instance = Registries.instanceFactory().create(
                Registries.course(Path.of("content")).exercises().get("coin-loglik"), 17);
        String reference = org.argmax.exercises.DataPreview.format(instance.references().get("loglik"));
        assertTrue(page.contains("<td class=\"reference\">" + reference + "</td>"), page);
        assertTrue(page.contains("forgot-log"), page);
        assertTrue(page.contains("name=\"seed\" type=\"number\" value=\"17\""), page);
        assertEquals(400, prof.get("/instructor/exercises/coin-loglik/preview?seed=abc").statusCode());
        // values for people: n as a whole number, k undefined for continuous data, no long decimals
        String normal = prof.get("/instructor/exercises/normal-sd/preview?seed=3").body();
        assertTrue(normal.contains("data-variable=\"k\"><th scope=\"row\"><code>k</code></th><td>undefined</td>"), normal);
        assertTrue(normal.matches("(?s).*data-variable=\"n\"><th scope=\"row\"><code>n</code></th><td>\\d+</td>.*"), normal);
        assertFalse(normal.matches("(?s).*\\d\\.\\d{10,}.*"), "no unrounded doubles");
        assertEquals(404, prof.get("/instructor/exercises/nope/preview?seed=1").statusCode());
    }

    @Test
    void learnersAreRefused() {
        WebClient learner = new WebClient(server);
        learner.signIn("ada", "ada's long password");
        assertEquals(403, learner.get("/instructor").statusCode());
        assertEquals(403, learner.get("/instructor/gradebook.csv").statusCode());
        assertEquals(403, learner.get("/instructor/learners/" + bob.id()).statusCode());
    }

    @Test
    void csvCellsAreQuotedAsNeeded() {
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("\"'=1+1\"", Csv.cell("=1+1"));
        assertEquals("\"'+1\"", Csv.cell("+1"));
        assertEquals("\"'-1\"", Csv.cell("-1"));
        assertEquals("\"'@SUM(A1)\"", Csv.cell("@SUM(A1)"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("-1.5", Csv.cell(-1.5));
        assertEquals("", Csv.cell(null));
    }
}
