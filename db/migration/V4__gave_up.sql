-- Whether the learner ever asked to see the answer of an exercise (on any variant): later right
-- answers are graded but not scored, so "give up, ask for new data, resubmit" cannot earn a grade.
ALTER TABLE exercise_state ADD COLUMN gave_up BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE exercise_state SET gave_up = revealed;
