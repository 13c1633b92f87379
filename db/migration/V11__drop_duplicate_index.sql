-- exercise_attempts_by_exercise (exercise_id, user_id) is a prefix of exercise_attempts_stats
-- (exercise_id, user_id, correct): every query it served can use the longer one. One index fewer is
-- one B-tree fewer to update and write at each stored answer (H2: 10,625 -> ~9,700 bytes appended per
-- commit, measured with org.argmax.load.H2FileGrowth).
DROP INDEX exercise_attempts_by_exercise;
