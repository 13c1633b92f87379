package org.argmax.exercises;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.db.DataAccessException;
import org.argmax.db.GroupCommit;
import org.argmax.db.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The tables exercise_state, exercise_attempts and attempt_rules (db/migration/V2__exercises.sql). */
public final class AttemptRepository {
    /** Made when the first answer is stored or read, not when the server starts: Jackson's set-up is ~380 classes of a start's CPU. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() { };
        static final TypeReference<List<Grade.AnswerVerdict>> VERDICTS = new TypeReference<>() { };
    }

    /** Characters the column {@code exercise_attempts.answers} holds (db/migration/V9__longer_answers.sql). */
    public static final int ANSWERS_COLUMN = 100_000;
    /** Characters the column {@code exercise_attempts.verdicts} holds. */
    public static final int VERDICTS_COLUMN = 400_000;

    private final DataSource db;
    /** Null: every save commits on its own. */
    private final GroupCommit writes;

    /** How many characters {@code value} takes as stored: its JSON, as {@link #save} writes it (a control character is 6). */
    public static int storedSize(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Each attempt in a transaction of its own (tools and tests). */
    public AttemptRepository(DataSource db) {
        this(db, null);
    }

    /** Attempts stored through {@code writes}: under load one commit stores many learners' attempts (the server's way). */
    public AttemptRepository(DataSource db, GroupCommit writes) {
        this.db = db;
        this.writes = writes;
    }

    private static final String STATE_COLUMNS = "variant, revealed, gave_up, attempts_on_variant, solved_variant, wrong_attempts, best_score";

    public ExerciseState state(long userId, String exerciseId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM exercise_state WHERE user_id = ? AND exercise_id = ?")) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? state(rs) : ExerciseState.FIRST;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read exercise state", e);
        }
    }

    /** The learner's states of some exercises in one query; an exercise without a row is missing from the map (it is {@link ExerciseState#FIRST}). */
    public Map<String, ExerciseState> states(long userId, java.util.Collection<String> exerciseIds) {
        if (exerciseIds.isEmpty()) return Map.of();
        String marks = String.join(", ", java.util.Collections.nCopies(exerciseIds.size(), "?"));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + ", exercise_id FROM exercise_state WHERE user_id = ? AND exercise_id IN ("
                     + marks + ")")) {
            s.setLong(1, userId);
            int i = 2;
            for (String id : exerciseIds) s.setString(i++, id);
            Map<String, ExerciseState> out = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.put(rs.getString(8), state(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read exercise states", e);
        }
    }

    private static ExerciseState state(ResultSet rs) throws SQLException {
        double score = rs.getDouble(7);
        Double best = rs.wasNull() ? null : score; // read right after column 7: wasNull() speaks of the last column read
        return new ExerciseState(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3), rs.getInt(4), rs.getBoolean(5), rs.getInt(6), best);
    }

    /** What to store, decided under the lock: the answers as stored, the grade (its score already multiplied by the rules) and what the caller keeps. */
    public record Decision<T>(Map<String, String> answers, Grade grade, T context) {
    }

    /** Decides, under the lock, whether and what to store; throws to refuse (nothing is stored then). */
    public interface Rules<T> {
        Decision<T> decide(ExerciseState locked);
    }

    /** The stored attempt, the learner's state with it, and what the rules kept. */
    public record Stored<T>(Attempt attempt, ExerciseState state, T context) {
    }

    /**
     * Stores an attempt if the rules allow it, in one transaction: the learner's exercise_state row is
     * locked first ({@code SELECT ... FOR UPDATE}; created first if missing), {@code rules} decide on
     * what it says (variant, attempts at it, wrong attempts…), then the attempt is inserted, the row's
     * counts updated, and both committed. Parallel submissions of one learner on any number of
     * servers therefore pass the rules one at a time, and the counts never drift from the attempts.
     */
    public <T> Stored<T> saveIfAllowed(long userId, String exerciseId, Rules<T> rules) {
        Transactions.Work<Stored<T>> work = c -> {
            ExerciseState locked = lockState(c, userId, exerciseId);
            Decision<T> d = rules.decide(locked);
            Attempt attempt = insert(c, userId, exerciseId, locked.variant(), d.answers(), d.grade());
            ExerciseState after = locked.after(attempt);
            updateCounts(c, userId, exerciseId, after);
            return new Stored<>(attempt, after, d.context());
        };
        return writes == null ? inTransaction("cannot save the attempt", work) : writes.run("cannot save the attempt", work);
    }

    private static void updateCounts(Connection c, long userId, String exerciseId, ExerciseState s) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE exercise_state SET attempts_on_variant = ?, solved_variant = ?, "
                + "wrong_attempts = ?, best_score = ? WHERE user_id = ? AND exercise_id = ?")) {
            u.setInt(1, s.attemptsOnVariant());
            u.setBoolean(2, s.solvedVariant());
            u.setInt(3, s.wrongAttempts());
            u.setDouble(4, s.bestScore());
            u.setLong(5, userId);
            u.setString(6, exerciseId);
            if (u.executeUpdate() != 1) throw new SQLException("the exercise state of user " + userId + " on " + exerciseId + " is gone");
        }
    }

    /**
     * The learner's state row, locked until the transaction ends; inserted first (as variant 0) when
     * missing. Two transactions that both find it missing both insert: the second waits for the
     * first's commit, gets a duplicate key, rolls back to its savepoint and locks the row the first made.
     */
    private static ExerciseState lockState(Connection c, long userId, String exerciseId) throws SQLException {
        for (int i = 0; i < 10; i++) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + STATE_COLUMNS + " FROM exercise_state WHERE user_id = ? AND exercise_id = ? FOR UPDATE")) {
                s.setLong(1, userId);
                s.setString(2, exerciseId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) return state(rs);
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
                try (PreparedStatement s = c.prepareStatement("UPDATE exercise_state SET variant = variant + 1, revealed = FALSE, attempts_on_variant = 0, solved_variant = FALSE "
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

    /**
     * Stores the attempt and its fired rules in one transaction, committed before returning; no rule is
     * checked (seeding data for tests and demonstrations). The state row's counts follow, as for any attempt.
     */
    public Attempt save(long userId, String exerciseId, int variant, Map<String, String> answers, Grade grade) {
        return inTransaction("cannot save the attempt", c -> {
            ExerciseState locked = lockState(c, userId, exerciseId);
            Attempt attempt = insert(c, userId, exerciseId, variant, answers, grade);
            updateCounts(c, userId, exerciseId, locked.after(attempt));
            return attempt;
        });
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
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the attempt as JSON", e);
        }
    }


    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws
     * (a refusal by the rules is an ExerciseClosedException). Tried again, up to 3 times, when the
     * database reports a deadlock, a serialization failure or a lock timeout.
     */
    private <T> T inTransaction(String doing, Transactions.Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                return Transactions.run(c, work);
            } catch (SQLException e) {
                if (!Transactions.transientFailure(e) || attempt >= 3) throw new DataAccessException(doing, e);
            }
        }
    }

    /** The newest attempt at one variant, if any (what the form and its feedback show). */
    public java.util.Optional<Attempt> lastAttempt(long userId, String exerciseId, int variant) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, answers, verdicts, correct, score, created_at FROM exercise_attempts "
                             + "WHERE user_id = ? AND exercise_id = ? AND variant = ? ORDER BY id DESC FETCH FIRST 1 ROW ONLY")) {
            s.setLong(1, userId);
            s.setString(2, exerciseId);
            s.setInt(3, variant);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return java.util.Optional.empty();
                return java.util.Optional.of(new Attempt(rs.getLong(1), userId, exerciseId, variant, Json.MAPPER.readValue(rs.getString(2), Json.ANSWERS),
                        Json.MAPPER.readValue(rs.getString(3), Json.VERDICTS), rs.getBoolean(4), rs.getDouble(5),
                        rs.getObject(6, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read attempts", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored attempt of " + exerciseId + " is not valid JSON", e);
        }
    }
}
