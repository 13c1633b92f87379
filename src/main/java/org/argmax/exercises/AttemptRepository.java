package org.argmax.exercises;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables exercise_state, exercise_attempts and attempt_rules (db/migration/V2__exercises.sql). */
public final class AttemptRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() { };
    private static final TypeReference<List<Grade.AnswerVerdict>> VERDICTS = new TypeReference<>() { };

    /** Characters the column {@code exercise_attempts.answers} holds (db/migration/V9__longer_answers.sql). */
    public static final int ANSWERS_COLUMN = 100_000;
    /** Characters the column {@code exercise_attempts.verdicts} holds. */
    public static final int VERDICTS_COLUMN = 400_000;

    private final DataSource db;

    /** How many characters {@code value} takes as stored: its JSON, as {@link #save} writes it (a control character is 6). */
    public static int storedSize(Object value) {
        try {
            return JSON.writeValueAsString(value).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public AttemptRepository(DataSource db) {
        this.db = db;
    }

    public ExerciseState state(long userId, String exerciseId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT variant, revealed, gave_up FROM exercise_state WHERE user_id = ? AND exercise_id = ?")) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new ExerciseState(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3)) : ExerciseState.FIRST;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read exercise state", e);
        }
    }

    public void saveState(long userId, String exerciseId, ExerciseState state) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     // standard MERGE: runs on H2 and PostgreSQL 15+
                     "MERGE INTO exercise_state t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(100)), CAST(? AS INT), CAST(? AS BOOLEAN),"
                             + " CAST(? AS BOOLEAN))) AS v (user_id, exercise_id, variant, revealed, gave_up)"
                             + " ON t.user_id = v.user_id AND t.exercise_id = v.exercise_id"
                             + " WHEN MATCHED THEN UPDATE SET variant = v.variant, revealed = v.revealed, gave_up = v.gave_up"
                             + " WHEN NOT MATCHED THEN INSERT (user_id, exercise_id, variant, revealed, gave_up)"
                             + " VALUES (v.user_id, v.exercise_id, v.variant, v.revealed, v.gave_up)")) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            s.setInt(3, state.variant());
            s.setBoolean(4, state.revealed());
            s.setBoolean(5, state.gaveUp());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot save exercise state", e);
        }
    }

    /** Stores the attempt and its fired rules in one transaction, committed before returning. */
    public Attempt save(long userId, String exerciseId, int variant, Map<String, String> answers, Grade grade) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO exercise_attempts (user_id, exercise_id, variant, answers, verdicts, correct, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, userId);
                    s.setString(2, exerciseId);
                    s.setInt(3, variant);
                    s.setString(4, JSON.writeValueAsString(answers));
                    s.setString(5, JSON.writeValueAsString(grade.answers()));
                    s.setBoolean(6, grade.correct());
                    s.setDouble(7, grade.score());
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO attempt_rules (attempt_id, exercise_id, answer_name, rule) VALUES (?, ?, ?, ?)")) {
                    for (Grade.AnswerVerdict v : grade.answers()) {
                        if (v.rule() == null) continue;
                        s.setLong(1, id);
                        s.setString(2, exerciseId);
                        s.setString(3, v.name());
                        s.setString(4, v.rule());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return new Attempt(id, userId, exerciseId, variant, answers, grade.answers(), grade.correct(), grade.score(), OffsetDateTime.now());
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) { // e.g. H2 closed the database: keep the first failure
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot save the attempt", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the attempt as JSON", e);
        }
    }

    /** The attempts at one variant, oldest first. */
    public List<Attempt> attempts(long userId, String exerciseId, int variant) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, answers, verdicts, correct, score, created_at FROM exercise_attempts "
                             + "WHERE user_id = ? AND exercise_id = ? AND variant = ? ORDER BY id")) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            s.setInt(3, variant);
            List<Attempt> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getLong(1), userId, exerciseId, variant, JSON.readValue(rs.getString(2), ANSWERS),
                            JSON.readValue(rs.getString(3), VERDICTS), rs.getBoolean(4), rs.getDouble(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read attempts", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored attempt of " + exerciseId + " is not valid JSON", e);
        }
    }

    /** Wrong attempts on the exercise over all variants: each one costs the exercise's penalty. */
    public int wrongAttempts(long userId, String exerciseId) {
        return aggregate("SELECT COUNT(*) FROM exercise_attempts WHERE user_id = ? AND exercise_id = ? AND NOT correct", userId, exerciseId)
                .intValue();
    }

    /** The best score over all variants, or null when never attempted. */
    public Double bestScore(long userId, String exerciseId) {
        Number best = aggregate("SELECT MAX(score) FROM exercise_attempts WHERE user_id = ? AND exercise_id = ?", userId, exerciseId);
        return best == null ? null : best.doubleValue();
    }

    /** One aggregate over one learner's attempts at one exercise; null when SQL says NULL. */
    private Number aggregate(String sql, long userId, String exerciseId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return (Number) rs.getObject(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read attempts of " + exerciseId, e);
        }
    }
}
