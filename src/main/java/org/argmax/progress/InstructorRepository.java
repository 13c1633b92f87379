package org.argmax.progress;

import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The instructor's numbers, each one SQL aggregate over the progress and attempts tables; nothing
 * loads every attempt into memory (exports stream row by row).
 */
public final class InstructorRepository {
    private final DataSource db;

    public InstructorRepository(DataSource db) {
        this.db = db;
    }

    /** How many learners read / completed a lesson. */
    public record LessonStats(String slug, int read, int completed) {
    }

    /**
     * Per exercise (learners only): learners who tried, who solved, who solved at their first attempt, the
     * median number of attempts per learner, and the number of attempts and of wrong attempts.
     */
    public record ExerciseStats(String exerciseId, int tried, int solved, int solvedFirst, double medianAttempts,
                                int attempts, int wrongAttempts) {
        public static ExerciseStats none(String exerciseId) {
            return new ExerciseStats(exerciseId, 0, 0, 0, 0, 0, 0);
        }

        public double shareSolved() {
            return tried == 0 ? 0 : (double) solved / tried;
        }

        public double shareSolvedFirst() {
            return tried == 0 ? 0 : (double) solvedFirst / tried;
        }
    }

    /** One learner's best score on one exercise. */
    public record Cell(long userId, String exerciseId, double bestScore, int attempts) {
    }

    /** A stored attempt as the instructor sees it. */
    public record AttemptRow(long id, long userId, String username, String displayName, String exerciseId, int variant,
                             String answers, String verdicts, boolean correct, double score, OffsetDateTime createdAt) {
    }

    public Map<String, LessonStats> lessonStats() {
        Map<String, LessonStats> out = new HashMap<>();
        // learners only: an instructor trying the course must not move the class's numbers
        query("SELECT p.lesson_slug, COUNT(*), SUM(CASE WHEN p.completed THEN 1 ELSE 0 END) FROM lesson_progress p"
                        + " JOIN users u ON u.id = p.user_id WHERE u.role = 'LEARNER' GROUP BY p.lesson_slug",
                List.of(), rs -> out.put(rs.getString(1), new LessonStats(rs.getString(1), rs.getInt(2), rs.getInt(3))));
        return out;
    }

    public Map<String, ExerciseStats> exerciseStats() {
        Map<String, ExerciseStats> out = new HashMap<>();
        query("SELECT exercise_id, COUNT(*), SUM(solved), SUM(first_right), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY attempts),"
                        + " SUM(attempts), SUM(wrong) FROM ("
                        + " SELECT a.exercise_id, a.user_id, COUNT(*) AS attempts, MAX(CASE WHEN a.correct THEN 1 ELSE 0 END) AS solved,"
                        + " SUM(CASE WHEN a.correct THEN 0 ELSE 1 END) AS wrong,"
                        + " MAX(CASE WHEN a.correct AND a.id = f.first_id THEN 1 ELSE 0 END) AS first_right"
                        + " FROM exercise_attempts a JOIN users u ON u.id = a.user_id"
                        + " JOIN (SELECT user_id, exercise_id, MIN(id) AS first_id FROM exercise_attempts GROUP BY user_id, exercise_id) f"
                        + " ON f.user_id = a.user_id AND f.exercise_id = a.exercise_id"
                        + " WHERE u.role = 'LEARNER' GROUP BY a.exercise_id, a.user_id) per_learner GROUP BY exercise_id",
                List.of(), rs -> out.put(rs.getString(1), new ExerciseStats(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getDouble(5), rs.getInt(6), rs.getInt(7))));
        return out;
    }

    /**
     * The discrimination index of each exercise: the correlation, over every learner with at least one
     * attempt, between the learner's best score on the exercise (0 if not tried) and the sum of their best
     * scores on all other exercises. Missing (null in SQL) when either side does not vary.
     */
    public Map<String, Double> discrimination() {
        Map<String, Double> out = new HashMap<>();
        query("WITH best AS (SELECT a.user_id, a.exercise_id, MAX(a.score) AS s FROM exercise_attempts a JOIN users u ON u.id = a.user_id"
                        + " WHERE u.role = 'LEARNER' GROUP BY a.user_id, a.exercise_id),"
                        + " total AS (SELECT user_id, SUM(s) AS t FROM best GROUP BY user_id),"
                        + " items AS (SELECT DISTINCT exercise_id FROM best)"
                        + " SELECT i.exercise_id, CORR(COALESCE(b.s, 0), t.t - COALESCE(b.s, 0)) FROM items i CROSS JOIN total t"
                        + " LEFT JOIN best b ON b.exercise_id = i.exercise_id AND b.user_id = t.user_id GROUP BY i.exercise_id",
                List.of(), rs -> {
                    double r = rs.getDouble(2);
                    if (!rs.wasNull() && Double.isFinite(r)) out.put(rs.getString(1), r);
                });
        return out;
    }

    /** exercise → (rule → how often it fired), most frequent first. */
    public Map<String, Map<String, Integer>> ruleCounts() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        query("SELECT r.exercise_id, r.rule, COUNT(*) AS fired FROM attempt_rules r JOIN exercise_attempts a ON a.id = r.attempt_id"
                        + " JOIN users u ON u.id = a.user_id WHERE u.role = 'LEARNER'"
                        + " GROUP BY r.exercise_id, r.rule ORDER BY r.exercise_id, fired DESC, r.rule",
                List.of(), rs -> out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3)));
        return out;
    }

    /** Best score and attempt count per (learner, exercise) for a page of learners. */
    public List<Cell> gradebook(List<Long> userIds) {
        List<Cell> out = new ArrayList<>();
        if (userIds.isEmpty()) return out;
        String in = String.join(",", java.util.Collections.nCopies(userIds.size(), "?"));
        query("SELECT user_id, exercise_id, MAX(score), COUNT(*) FROM exercise_attempts WHERE user_id IN (" + in + ") GROUP BY user_id, exercise_id",
                new ArrayList<>(userIds), rs -> out.add(new Cell(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4))));
        return out;
    }

    /** Learners ordered by name, one page. */
    public List<LearnerSummary> learnerPage(int offset, int limit) {
        List<LearnerSummary> out = new ArrayList<>();
        query("SELECT u.id, u.username, u.display_name, "
                        + "(SELECT COUNT(*) FROM lesson_progress p WHERE p.user_id = u.id), "
                        + "(SELECT COUNT(*) FROM lesson_progress p WHERE p.user_id = u.id AND p.completed), "
                        + "(SELECT MAX(p.last_visited_at) FROM lesson_progress p WHERE p.user_id = u.id) "
                        + "FROM users u WHERE u.role = 'LEARNER' ORDER BY u.display_name, u.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                List.of(offset, limit), rs -> out.add(new LearnerSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class))));
        return out;
    }

    public int learnerCount() {
        int[] n = {0};
        query("SELECT COUNT(*) FROM users WHERE role = 'LEARNER'", List.of(), rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    /** Every attempt of one learner, newest first. */
    public List<AttemptRow> attemptsOf(long userId) {
        List<AttemptRow> out = new ArrayList<>();
        streamAttempts("WHERE a.user_id = ? ORDER BY a.id DESC", List.of(userId), out::add);
        return out;
    }

    /** Streams all attempts (oldest first) to {@code sink} without holding them in memory. */
    public void eachAttempt(Consumer<AttemptRow> sink) {
        streamAttempts("WHERE u.role = 'LEARNER' ORDER BY a.id", List.of(), sink);
    }

    private void streamAttempts(String tail, List<Object> params, Consumer<AttemptRow> sink) {
        query("SELECT a.id, a.user_id, u.username, u.display_name, a.exercise_id, a.variant, a.answers, a.verdicts, a.correct, a.score, a.created_at "
                        + "FROM exercise_attempts a JOIN users u ON u.id = a.user_id " + tail, params,
                rs -> sink.accept(new AttemptRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getDouble(10), rs.getObject(11, OffsetDateTime.class))));
    }

    /** Streams the gradebook: every learner with every (exercise, best score), learners in name order. */
    public void eachGradebookRow(Consumer<GradeRow> sink) {
        query("SELECT u.id, u.username, u.display_name, g.exercise_id, g.best FROM users u LEFT JOIN ("
                        + " SELECT user_id, exercise_id, MAX(score) AS best FROM exercise_attempts GROUP BY user_id, exercise_id"
                        + ") g ON g.user_id = u.id WHERE u.role = 'LEARNER' ORDER BY u.display_name, u.id",
                List.of(), rs -> {
                    double best = rs.getDouble(5);
                    sink.accept(new GradeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.wasNull() ? null : best));
                });
    }

    /** One (learner, exercise, best score) of the streamed gradebook; exercise is null for a learner with no attempt. */
    public record GradeRow(long userId, String username, String displayName, String exerciseId, Double bestScore) {
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowHandler handler) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(500);
            for (int i = 0; i < params.size(); i++) s.setObject(i + 1, params.get(i));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) handler.accept(rs);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the instructor's statistics", e);
        }
    }
}
