package org.argmax.progress;

import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The lesson_progress table; every write is committed before it returns (auto-commit). */
public final class ProgressRepository {
    private static final String UPSERT = "MERGE INTO lesson_progress t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(100)), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
            + " AS v (user_id, lesson_slug, now) ON t.user_id = v.user_id AND t.lesson_slug = v.lesson_slug ";

    private final DataSource db;

    public ProgressRepository(DataSource db) {
        this.db = db;
    }

    public void recordVisit(long userId, String slug) {
        update(UPSERT + "WHEN MATCHED THEN UPDATE SET last_visited_at = v.now"
                + " WHEN NOT MATCHED THEN INSERT (user_id, lesson_slug, first_read_at, last_visited_at) VALUES (v.user_id, v.lesson_slug, v.now, v.now)",
                userId, slug);
    }

    public void setCompleted(long userId, String slug, boolean completed) {
        String set = completed ? "completed = TRUE, completed_at = v.now" : "completed = FALSE, completed_at = NULL";
        update(UPSERT + "WHEN MATCHED THEN UPDATE SET " + set + ", last_visited_at = v.now"
                + " WHEN NOT MATCHED THEN INSERT (user_id, lesson_slug, completed, first_read_at, last_visited_at, completed_at)"
                + " VALUES (v.user_id, v.lesson_slug, " + completed + ", v.now, v.now, " + (completed ? "v.now" : "NULL") + ")",
                userId, slug);
    }

    private void update(String sql, long userId, String slug) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            s.setString(2, slug);
            s.setObject(3, OffsetDateTime.now());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot save progress", e);
        }
    }

    public Map<String, LessonProgress> byLesson(long userId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT lesson_slug, completed, first_read_at, last_visited_at, completed_at "
                     + "FROM lesson_progress WHERE user_id = ?")) {
            s.setLong(1, userId);
            Map<String, LessonProgress> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new LessonProgress(rs.getString(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read progress", e);
        }
    }

    public Optional<String> lastVisited(long userId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT lesson_slug FROM lesson_progress WHERE user_id = ? ORDER BY last_visited_at DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read progress", e);
        }
    }

    /** Per exercise the learner tried: best score, whether any attempt was right, and how many attempts (every variant). */
    public Map<String, Standing.ExerciseResult> exerciseResults(long userId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT exercise_id, MAX(score), MAX(CASE WHEN correct THEN 1 ELSE 0 END), COUNT(*) "
                     + "FROM exercise_attempts WHERE user_id = ? GROUP BY exercise_id")) {
            s.setLong(1, userId);
            Map<String, Standing.ExerciseResult> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new Standing.ExerciseResult(rs.getDouble(2), rs.getInt(3) == 1, rs.getInt(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read exercise results", e);
        }
    }

    /** Where the learner stands in the course as it is now. */
    public Standing standing(org.argmax.lessons.CourseSnapshot snapshot, long userId) {
        return Standing.of(snapshot, byLesson(userId), exerciseResults(userId));
    }
}
