-- What the attempt rules and the exercise view need, kept on the learner's state row instead of
-- counted over exercise_attempts on every submission (a cost that grew with the learner's history).
-- The row is locked (SELECT ... FOR UPDATE) by the transaction that stores an attempt, which updates
-- these columns in the same transaction, so they always equal what COUNT/MAX over the attempts say.
-- Standard SQL: runs on H2 and PostgreSQL.
ALTER TABLE exercise_state ADD COLUMN attempts_on_variant INT DEFAULT 0 NOT NULL;     -- attempts at the current variant
ALTER TABLE exercise_state ADD COLUMN solved_variant BOOLEAN DEFAULT FALSE NOT NULL;  -- a right answer on the current variant
ALTER TABLE exercise_state ADD COLUMN wrong_attempts INT DEFAULT 0 NOT NULL;          -- wrong attempts on every variant (the penalty)
ALTER TABLE exercise_state ADD COLUMN best_score DOUBLE PRECISION;                    -- best score on every variant; NULL before the first attempt

-- attempts stored before a state row existed (seeded data): their learner works on variant 0
INSERT INTO exercise_state (user_id, exercise_id, variant, revealed, gave_up)
SELECT DISTINCT a.user_id, a.exercise_id, 0, FALSE, FALSE FROM exercise_attempts a
WHERE NOT EXISTS (SELECT 1 FROM exercise_state s WHERE s.user_id = a.user_id AND s.exercise_id = a.exercise_id);

UPDATE exercise_state SET
    attempts_on_variant = (SELECT COUNT(*) FROM exercise_attempts a
                           WHERE a.user_id = exercise_state.user_id AND a.exercise_id = exercise_state.exercise_id
                             AND a.variant = exercise_state.variant),
    solved_variant = EXISTS (SELECT 1 FROM exercise_attempts a
                             WHERE a.user_id = exercise_state.user_id AND a.exercise_id = exercise_state.exercise_id
                               AND a.variant = exercise_state.variant AND a.correct),
    wrong_attempts = (SELECT COUNT(*) FROM exercise_attempts a
                      WHERE a.user_id = exercise_state.user_id AND a.exercise_id = exercise_state.exercise_id AND NOT a.correct),
    best_score = (SELECT MAX(a.score) FROM exercise_attempts a
                  WHERE a.user_id = exercise_state.user_id AND a.exercise_id = exercise_state.exercise_id);
