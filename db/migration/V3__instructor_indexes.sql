-- Covering indexes for the instructor's aggregates (measured on 1,000 learners × 50 exercises × 5 attempts):
-- per-exercise statistics group by (exercise, learner); the gradebook takes the best score per (learner, exercise).
CREATE INDEX exercise_attempts_stats ON exercise_attempts (exercise_id, user_id, correct);
CREATE INDEX exercise_attempts_grades ON exercise_attempts (user_id, exercise_id, score);
