package org.argmax.load;

import org.argmax.db.Database;
import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.Grade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/**
 * How many bytes one stored answer submission adds to an H2 file with the server's settings (each
 * commit is appended to the file, see {@code Database.durable}): {@code LEARNERS} learners, then
 * {@code SUBMISSIONS} submissions through {@link AttemptRepository#saveIfAllowed} (the transaction
 * a submission runs: lock the state row, insert the attempt, update the counts, commit), learner
 * {@code i mod LEARNERS} each, one thread. Compaction is turned off for the run
 * ({@code -Dargmax.h2.compactAboveMb} very large), so the growth is the commits' own. Prints the
 * file's growth per submission and the time per submission. Used to compare H2 settings, given as
 * {@code H2_URL_OPTIONS} (e.g. {@code ;RETENTION_TIME=1000}):
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dargmax.h2.compactAboveMb=100000 -cp target/test-classes:target/classes:$(cat target/cp.txt) org.argmax.load.H2FileGrowth
 * </pre>
 */
public final class H2FileGrowth {
    public static void main(String[] args) throws Exception {
        int learners = Integer.parseInt(env("LEARNERS", "50"));
        int submissions = Integer.parseInt(env("SUBMISSIONS", "4000"));
        String options = env("H2_URL_OPTIONS", "");
        String extraSql = env("EXTRA_SQL", ""); // e.g. a schema change to compare: DROP INDEX exercise_attempts_by_exercise
        Path dir = Files.createTempDirectory("argmax-h2-growth-");
        String url = "jdbc:h2:" + dir.resolve("g").toAbsolutePath() + options;
        try (Database db = new Database(url, "sa", "")) {
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("INSERT INTO users (username, display_name, password_hash, role) VALUES (?, ?, 'x', 'LEARNER')")) {
                for (int i = 0; i < learners; i++) {
                    s.setString(1, "growth" + i);
                    s.setString(2, "growth" + i);
                    s.executeUpdate();
                }
            }
            if (!extraSql.isEmpty()) {
                try (Connection c = db.dataSource().getConnection()) {
                    c.createStatement().execute(extraSql);
                }
            }
            long firstUser;
            try (Connection c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery("SELECT MIN(id) FROM users")) {
                rs.next();
                firstUser = rs.getLong(1);
            }
            AttemptRepository attempts = new AttemptRepository(db.dataSource());
            Path file = db.compaction().file();
            // a warm-up of one submission per learner: every state row exists, the JIT has seen the path
            for (int i = 0; i < learners; i++) submit(attempts, firstUser + i, i);
            long before = Files.size(file);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < submissions; i++) submit(attempts, firstUser + i % learners, i);
            long nanos = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuStart;
            long after = Files.size(file);
            System.out.printf("options '%s' %s: %d submissions, %d learners: file %,d -> %,d bytes, %,.0f bytes per submission, %.3f ms each, %.3f ms of CPU each (the process's)%n",
                    options, extraSql, submissions, learners, before, after, (after - before) / (double) submissions, nanos / 1e6 / submissions, cpu / 1e6 / submissions);
        }
    }

    private static void submit(AttemptRepository attempts, long user, int i) {
        String theta = String.format(java.util.Locale.ROOT, "%.4f", (2 * (i % 1000) + 1) / 2000.0);
        attempts.saveIfAllowed(user, "coin-mle", locked -> new AttemptRepository.Decision<>(Map.of("theta", theta),
                new Grade(List.of(new Grade.AnswerVerdict("theta", theta, false, null,
                        "Not quite: your value is more than 0.0000001 away from the maximum-likelihood estimate.")), false, 0), null));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
