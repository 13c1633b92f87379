package org.argmax.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.cli.Main;
import org.argmax.content.ContentProblem;
import org.argmax.testing.Registries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --dump FILE}, and the references it dumps recomputed independently by
 * src/test/python/recompute_references.py (numpy/scipy/scikit-learn, run with Debian's
 * /usr/bin/python3; src/test/setup-test-tools.sh installs them). The dump covers the shipped
 * course and the fixture exercises in src/test/python/all-references, which together use every
 * reference registered in {@link References}.
 */
@Tag("slow") // runs `check` (KaTeX in the GraalJS interpreter) and numpy on 1,000 seeds: 50 s and more
class ReferenceDumpTest {
    private static final References REFERENCES = References.standard();
    static final int SEEDS = 1000;
    static final Path SCRIPT = Path.of("src/test/python/recompute_references.py");
    static final Path FIXTURE = Path.of("src/test/python/all-references");
    static final String PYTHON = "/usr/bin/python3";

    @Test
    void everyReferenceAgreesWithNumpyOnAThousandSeeds(@TempDir Path dir) throws Exception {
        Map<String, ExerciseSpec> specs = new LinkedHashMap<>(Registries.course(Path.of("content")).exercises());
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, ExerciseSpec> fixture = Registries.exerciseLoader().load(FIXTURE, problems);
        assertTrue(problems.isEmpty(), problems.toString());
        specs.putAll(fixture);

        TreeSet<String> unused = new TreeSet<>(REFERENCES.names());
        specs.values().forEach(s -> s.answers().forEach(a -> {
            if (a.reference() != null) unused.remove(a.reference());
        }));
        assertTrue(unused.isEmpty(), "no exercise in content/ or " + FIXTURE + " uses " + unused + ": add an answer to the fixture");

        Path dump = dir.resolve("dump.jsonl");
        long start = System.nanoTime();
        long lines;
        try (Writer w = Files.newBufferedWriter(dump)) {
            lines = new ReferenceDump(REFERENCES, Misconceptions.standard(REFERENCES)).write(specs, SEEDS, w);
        }
        long dumped = System.nanoTime();
        assertEquals((long) specs.size() * SEEDS, lines);

        Process python = new ProcessBuilder(PYTHON, SCRIPT.toString(), dump.toString(), "--by-reference")
                .redirectErrorStream(true).start();
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(5, TimeUnit.MINUTES), "the script did not finish:\n" + output);
        long done = System.nanoTime();
        System.out.printf("ReferenceDumpTest: %d exercises x %d seeds, dump %.1f s, python %.1f s%n",
                specs.size(), SEEDS, (dumped - start) / 1e9, (done - dumped) / 1e9);
        if (python.exitValue() != 0) {
            Path kept = Path.of("target", "reference-dump.jsonl");
            Files.copy(dump, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(0, python.exitValue(), "recompute_references.py exited with " + python.exitValue() + " (the dump is kept in " + kept
                    + "):\n" + head(output, 200));
        }
        assertTrue(output.contains("references: ") && output.contains(" 0 differ ("), output);
    }

    /** The command-line option writes one line per exercise and seed with the documented keys. */
    @Test
    void checkDumpWritesOneLinePerExerciseAndSeed(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("dump.jsonl");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("check", "content", "--seeds", "3", "--dump", dump.toString());
        assertEquals(0, code, out.toString());
        int exercises = Registries.course(Path.of("content")).exercises().size();
        List<String> lines = Files.readAllLines(dump);
        assertEquals(3 * exercises, lines.size());
        assertTrue(out.toString().contains(dump + ": " + lines.size() + " lines"), out.toString());

        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals(1, first.get("seed").asInt());
        for (String line : lines) {
            JsonNode o = json.readTree(line);
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            List<String> expected = new ArrayList<>(List.of("exercise", "seed", "family", "data", "variables", "given", "answers"));
            if (o.get("family").asText().equals("binomial")) expected.add(3, "trials");
            assertEquals(expected, keys, line);
        }
        // what the grader uses: the instance of seed 1 of the first exercise, value for value
        ExerciseSpec spec = Registries.course(Path.of("content")).exercises().values().iterator().next();
        ExerciseInstance instance = Registries.instanceFactory().create(spec, 1);
        for (var a : spec.answers()) {
            double[] reference = instance.references().get(a.name());
            if (reference == null) continue;
            JsonNode value = first.get("answers").get(a.name()).get("value");
            for (int i = 0; i < reference.length; i++) {
                assertEquals(reference[i], value.isArray() ? value.get(i).doubleValue() : value.doubleValue(), 0.0);
            }
        }
    }

    private static String head(String text, int lines) {
        String[] all = text.split("\n");
        if (all.length <= lines) return text;
        return String.join("\n", java.util.Arrays.copyOf(all, lines / 2)) + "\n… " + (all.length - lines) + " lines left out …\n"
                + String.join("\n", java.util.Arrays.copyOfRange(all, all.length - lines / 2, all.length));
    }
}
