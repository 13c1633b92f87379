package org.argmax.progress;

import org.argmax.accounts.PasswordHasher;
import org.argmax.db.Database;
import org.argmax.estimation.Rng;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Builds a large class for measuring the instructor pages: a copy of the course with extra
 * exercises up to E in all, L learners who each made A attempts on every exercise, lesson
 * progress, and fired rules; plus an instructor "prof" (password "prof's long password").
 * Usage: LoadGenerator DIR LEARNERS EXERCISES ATTEMPTS — writes DIR/content and DIR/db.
 */
public final class LoadGenerator {
    public static final String PASSWORD = "prof's long password";

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        generate(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    public static void generate(Path dir, int learners, int exercises, int attempts) throws IOException, java.sql.SQLException {
        Path content = dir.resolve("content");
        copy(Path.of("content"), content);
        String template = Files.readString(content.resolve("exercises/coin-mle.yml"));
        StringBuilder embeds = new StringBuilder();
        long existing;
        try (Stream<Path> s = Files.list(content.resolve("exercises"))) {
            existing = s.count();
        }
        for (long i = existing + 1; i <= exercises; i++) {
            String id = String.format("load-%02d", i);
            Files.writeString(content.resolve("exercises/" + id + ".yml"), template.replace("id: coin-mle", "id: " + id));
            embeds.append("\n{{exercise ").append(id).append("}}\n");
        }
        Path lesson = content.resolve("lessons/mle-recipe.md");
        Files.writeString(lesson, Files.readString(lesson) + "\n## More practice\n" + embeds);

        String[] ids;
        try (Stream<Path> s = Files.list(content.resolve("exercises"))) {
            ids = s.map(p -> p.getFileName().toString().replace(".yml", "")).sorted().toArray(String[]::new);
        }
        try (Database db = new Database("jdbc:h2:" + dir.toAbsolutePath().resolve("db/argmax"), "sa", "");
             Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            String hash = new PasswordHasher(10).hash(PASSWORD);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO users (username, display_name, password_hash, role) VALUES (?, ?, ?, ?)")) {
                s.setString(1, "prof");
                s.setString(2, "Professor");
                s.setString(3, hash);
                s.setString(4, "INSTRUCTOR");
                s.executeUpdate();
                for (int u = 1; u <= learners; u++) {
                    s.setString(1, "learner" + u);
                    s.setString(2, "Learner " + u);
                    s.setString(3, hash);
                    s.setString(4, "LEARNER");
                    s.addBatch();
                }
                s.executeBatch();
            }
            Rng rng = new Rng(2026);
            try (PreparedStatement attempt = c.prepareStatement("INSERT INTO exercise_attempts (user_id, exercise_id, variant, answers, verdicts, correct, score) VALUES (?, ?, 0, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement rule = c.prepareStatement("INSERT INTO attempt_rules (attempt_id, exercise_id, answer_name, rule) VALUES (?, ?, 'theta', ?)");
                 PreparedStatement progress = c.prepareStatement("INSERT INTO lesson_progress (user_id, lesson_slug, completed) VALUES (?, ?, ?)");
                 ResultSet users = c.createStatement().executeQuery("SELECT id FROM users WHERE role = 'LEARNER'")) {
                while (users.next()) {
                    long user = users.getLong(1);
                    for (String slug : new String[]{"likelihood", "mle-recipe"}) {
                        progress.setLong(1, user);
                        progress.setString(2, slug);
                        progress.setBoolean(3, rng.uniform() < 0.6);
                        progress.addBatch();
                    }
                    for (String ex : ids) {
                        for (int a = 0; a < attempts; a++) {
                            boolean correct = a == attempts - 1 && rng.uniform() < 0.7;
                            attempt.setLong(1, user);
                            attempt.setString(2, ex);
                            attempt.setString(3, "{\"theta\":\"" + Math.round(rng.uniform() * 1000) / 1000.0 + "\"}");
                            attempt.setString(4, "[{\"name\":\"theta\",\"correct\":" + correct + ",\"message\":\"generated\"}]");
                            attempt.setBoolean(5, correct);
                            attempt.setDouble(6, correct ? 1 : 0);
                            attempt.executeUpdate();
                            if (!correct && rng.uniform() < 0.5) {
                                try (ResultSet key = attempt.getGeneratedKeys()) {
                                    key.next();
                                    rule.setLong(1, key.getLong(1));
                                    rule.setString(2, ex);
                                    rule.setString(3, rng.uniform() < 0.5 ? "share-of-tails" : "forgot-log");
                                    rule.addBatch();
                                }
                            }
                        }
                    }
                    progress.executeBatch();
                    rule.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
