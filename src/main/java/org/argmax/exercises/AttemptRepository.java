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
import java.sql.Savepoint;
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

    /** What the rules look at under the state row's lock: the state, and the attempts counted by the database. */
    public record Locked(ExerciseState state, int attemptsOnVariant, boolean solvedVariant, int wrongAttempts) {
    }

    /** Decides, under the lock, whether the attempt may be stored and what its score is multiplied by; throws to refuse. */
    public interface Rules {
        double scoreFactor(Locked locked);
    }

    /**
     * Stores an attempt graded on {@code variant}, if the rules allow it, in one transaction: the
     * learner's exercise_state row is locked first ({@code SELECT ... FOR UPDATE}; created first if
     * missing), then the attempts are counted and {@code rules} decide, then the attempt is inserted
     * and committed. Parallel submissions of one learner on any number of servers therefore pass the
     * rules one at a time. Empty when the variant changed since grading (the caller grades again).
     */
    public java.util.Optional<Attempt> saveIfAllowed(long userId, String exerciseId, int variant, Map<String, String> answers, Grade grade,
                                                     Rules rules) {
        return inTransaction("cannot save the attempt", c -> {
            ExerciseState state = lockState(c, userId, exerciseId);
            if (state.variant() != variant) return java.util.Optional.empty();
            Locked locked;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT COUNT(CASE WHEN variant = ? THEN 1 END),
                           COUNT(CASE WHEN variant = ? AND correct THEN 1 END),
                           COUNT(CASE WHEN NOT correct THEN 1 END)
                    FROM exercise_attempts WHERE user_id = ? AND exercise_id = ?""")) {
                s.setInt(1, variant);
                s.setInt(2, variant);
                s.setLong(3, userId);
                s.setString(4, exerciseId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    locked = new Locked(state, rs.getInt(1), rs.getInt(2) > 0, rs.getInt(3));
                }
            }
            double factor = rules.scoreFactor(locked);
            Grade kept = new Grade(grade.answers(), grade.correct(), grade.score() * factor);
            return java.util.Optional.of(insert(c, userId, exerciseId, variant, answers, kept));
        });
    }

    /**
     * The learner's state row, locked until the transaction ends; inserted first (as variant 0) when
     * missing. Two transactions that both find it missing both insert: the second waits for the
     * first's commit, gets a duplicate key, rolls back to its savepoint and locks the row the first made.
     */
    private static ExerciseState lockState(Connection c, long userId, String exerciseId) throws SQLException {
        for (int i = 0; i < 10; i++) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT variant, revealed, gave_up FROM exercise_state WHERE user_id = ? AND exercise_id = ? FOR UPDATE")) {
                s.setLong(1, userId);
                s.setString(2, exerciseId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) return new ExerciseState(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3));
                }
            }
            if (insertState(c, userId, exerciseId, 0, false)) return ExerciseState.FIRST;
        }
        throw new SQLException("the exercise state of user " + userId + " on " + exerciseId + " could not be created");
    }

    /** Inserts a state row inside a savepoint; false (and rolled back to the savepoint) when another transaction made it first. */
    private static boolean insertState(Connection c, long userId, String exerciseId, int variant, boolean revealed) throws SQLException {
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO exercise_state (user_id, exercise_id, variant, revealed, gave_up) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            s.setInt(3, variant);
            s.setBoolean(4, revealed);
            s.setBoolean(5, revealed);
            s.executeUpdate();
            if (before != null) c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) throw e;
            if (before != null) c.rollback(before);
            return false;
        }
    }

    private static final String DUPLICATE_KEY = "23505";

    /** New data: the variant counter goes up by one in the database (no read-modify-write), the answer is hidden again. */
    /**
     * One more data set, decided by the database: the variant goes up by one unless the author's cap
     * ({@code new_data: N}, 0 for none) is reached, in the same statement, so parallel requests on any
     * number of servers each count once and never pass the cap. False when the cap is reached.
     */
    public boolean nextVariant(long userId, String exerciseId, int cap) {
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 10; i++) {
                try (PreparedStatement s = c.prepareStatement("UPDATE exercise_state SET variant = variant + 1, revealed = FALSE "
                        + "WHERE user_id = ? AND exercise_id = ? AND (? = 0 OR variant < ?)")) {
                    s.setLong(1, userId);
                    s.setString(2, exerciseId);
                    s.setInt(3, cap);
                    s.setInt(4, cap);
                    if (s.executeUpdate() == 1) return true;
                }
                try (PreparedStatement s = c.prepareStatement("SELECT variant FROM exercise_state WHERE user_id = ? AND exercise_id = ?")) {
                    s.setLong(1, userId);
                    s.setString(2, exerciseId);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            if (cap > 0 && r.getInt(1) >= cap) return false; // the cap stopped the update
                            continue; // the row was created by a parallel request after our update: update it now
                        }
                    }
                }
                if (insertState(c, userId, exerciseId, 1, false)) return true;
            }
            throw new SQLException("the exercise state of user " + userId + " on " + exerciseId + " could not be changed");
        } catch (SQLException e) {
            throw new DataAccessException("cannot save exercise state", e);
        }
    }

    /** Giving up: the answer of this variant is shown, and the learner gave up for good ({@code gave_up} is never set back). */
    public void reveal(long userId, String exerciseId) {
        changeState(userId, exerciseId, "UPDATE exercise_state SET revealed = TRUE, gave_up = TRUE WHERE user_id = ? AND exercise_id = ?",
                0, true);
    }

    /** One UPDATE of the row; when there is no row, it is inserted as the UPDATE would have left it (a duplicate key: UPDATE again). */
    private void changeState(long userId, String exerciseId, String update, int variantIfNew, boolean revealedIfNew) {
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 10; i++) {
                try (PreparedStatement s = c.prepareStatement(update)) {
                    s.setLong(1, userId);
                    s.setString(2, exerciseId);
                    if (s.executeUpdate() == 1) return;
                }
                if (insertState(c, userId, exerciseId, variantIfNew, revealedIfNew)) return;
            }
            throw new SQLException("the exercise state of user " + userId + " on " + exerciseId + " could not be changed");
        } catch (SQLException e) {
            throw new DataAccessException("cannot save exercise state", e);
        }
    }

    /** Stores the attempt and its fired rules in one transaction, committed before returning; no rule is checked. */
    public Attempt save(long userId, String exerciseId, int variant, Map<String, String> answers, Grade grade) {
        return inTransaction("cannot save the attempt", c -> insert(c, userId, exerciseId, variant, answers, grade));
    }

    private static Attempt insert(Connection c, long userId, String exerciseId, int variant, Map<String, String> answers, Grade grade)
            throws SQLException {
        long id;
        OffsetDateTime created;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO exercise_attempts (user_id, exercise_id, variant, answers, verdicts, correct, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[]{"id", "created_at"})) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            s.setInt(3, variant);
            s.setString(4, json(answers));
            s.setString(5, json(grade.answers()));
            s.setBoolean(6, grade.correct());
            s.setDouble(7, grade.score());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
                created = keys.getObject(2, OffsetDateTime.class);
            }
        }
        List<Grade.AnswerVerdict> fired = grade.answers().stream().filter(v -> v.rule() != null).toList();
        if (!fired.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO attempt_rules (attempt_id, exercise_id, answer_name, rule) VALUES (?, ?, ?, ?)")) {
                for (Grade.AnswerVerdict v : fired) {
                    s.setLong(1, id);
                    s.setString(2, exerciseId);
                    s.setString(3, v.name());
                    s.setString(4, v.rule());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return new Attempt(id, userId, exerciseId, variant, answers, grade.answers(), grade.correct(), grade.score(), created);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the attempt as JSON", e);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws
     * (a refusal by the rules is an ExerciseClosedException). Tried again, up to 3 times, when the
     * database reports a deadlock, a serialization failure or a lock timeout.
     */
    private <T> T inTransaction(String doing, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException rollback) { // e.g. H2 closed the database: keep the first failure
                        e.addSuppressed(rollback);
                    }
                    throw e;
                } finally {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException | RuntimeException | AssertionError ignored) {
                        // the pool resets it, or evicts a broken connection; H2 (with -ea, as in the tests) asserts
                        // here after it closed the database on a failed write, and must not hide the first failure
                    }
                }
            } catch (SQLException e) {
                String state = e.getSQLState();
                boolean transientFailure = "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
                if (!transientFailure || attempt >= 3) throw new DataAccessException(doing, e);
            }
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
