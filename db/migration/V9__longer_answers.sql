-- What an attempt stores is limited by its stored size, not by characters typed (Grader): each answer
-- at most 1,000 characters as JSON (a control character is 6 there), all answers of one submission
-- at most 100,000, the verdicts (which repeat each answer) at most 400,000. The columns hold that.
-- Standard SQL: runs on H2 and PostgreSQL.
ALTER TABLE exercise_attempts ALTER COLUMN answers SET DATA TYPE VARCHAR(100000);
ALTER TABLE exercise_attempts ALTER COLUMN verdicts SET DATA TYPE VARCHAR(400000);
