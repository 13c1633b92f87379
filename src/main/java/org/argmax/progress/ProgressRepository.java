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

/**
 * The lesson_progress table; every write is committed before it returns (auto-commit). First visits
 * and completions are one UPDATE of the row, or an INSERT when there is none; when a parallel
 * request (on this server or another) inserted the row first, the duplicate key sends it back to
 * the UPDATE, so parallel requests never fail. Times are the database's CURRENT_TIMESTAMP. A visit
 * writes at most once per learner, lesson and day (the database's day).
 */
public final class ProgressRepository {
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource db;

    public ProgressRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Records a visit: the row is made at the first visit, and its last visit moves at most once a
     * day, so reading a lesson again and again writes nothing. {@code rowExists}: whether the learner's
     * row was just read ({@link #visit}), which spares the statement that would find it exists.
     */
    public void recordVisit(long userId, String slug, boolean rowExists) {
        upsert(userId, slug, rowExists, true,
                "UPDATE lesson_progress SET last_visited_at = CURRENT_TIMESTAMP"
                        + " WHERE user_id = ? AND lesson_slug = ? AND CAST(last_visited_at AS DATE) < CURRENT_DATE",
                "INSERT INTO lesson_progress (user_id, lesson_slug) VALUES (?, ?)");
    }

    public void recordVisit(long userId, String slug) {
        recordVisit(userId, slug, visit(userId, slug).isPresent());
    }

    public void setCompleted(long userId, String slug, boolean completed) {
        String set = completed ? "completed = TRUE, completed_at = CASE WHEN completed THEN completed_at ELSE CURRENT_TIMESTAMP END"
                : "completed = FALSE, completed_at = NULL";
        upsert(userId, slug, true, false,
                "UPDATE lesson_progress SET " + set + ", last_visited_at = CURRENT_TIMESTAMP WHERE user_id = ? AND lesson_slug = ?",
                "INSERT INTO lesson_progress (user_id, lesson_slug, completed, completed_at) VALUES (?, ?, " + completed + ", "
                        + (completed ? "CURRENT_TIMESTAMP" : "NULL") + ")");
    }

    /**
     * {@code update} when the row exists (tried first when {@code updateFirst}), else {@code insert};
     * a duplicate key on the insert means another request made the row meanwhile: update it.
     * {@code conditional}: the update's condition may refuse an existing row (a visit on the same
     * day), so once the row is known to exist, an update that changes nothing is done.
     */
    private void upsert(long userId, String slug, boolean updateFirst, boolean conditional, String update, String insert) {
        try (Connection c = db.getConnection()) {
            boolean tryUpdate = updateFirst;
            for (int i = 0; i < 5; i++) {
                if (tryUpdate && (run(c, update, userId, slug) == 1 || conditional)) return;
                try {
                    run(c, insert, userId, slug);
                    return;
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) throw e;
                    tryUpdate = true;
                }
            }
            throw new SQLException("the progress of user " + userId + " in " + slug + " could not be saved");
        } catch (SQLException e) {
            throw new DataAccessException("cannot save progress", e);
        }
    }

    private static int run(Connection c, String sql, long userId, String slug) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            s.setString(2, slug);
            return s.executeUpdate();
        }
    }

    /** The learner's row for one lesson as a page needs it: whether it is marked completed, and whether today's visit is not recorded yet. */
    public record Visit(boolean completed, boolean due) {
    }

    /** The learner's row for one lesson, if any, in one query (the database's day decides {@code due}). */
    public Optional<Visit> visit(long userId, String slug) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT completed, CAST(last_visited_at AS DATE) < CURRENT_DATE FROM lesson_progress "
                     + "WHERE user_id = ? AND lesson_slug = ?")) {
            s.setLong(1, userId);
            s.setString(2, slug);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Visit(rs.getBoolean(1), rs.getBoolean(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read progress", e);
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
