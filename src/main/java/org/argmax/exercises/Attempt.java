package org.argmax.exercises;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A stored, graded submission. */
public record Attempt(long id, long userId, String exerciseId, int variant, Map<String, String> answers,
                      List<Grade.AnswerVerdict> verdicts, boolean correct, double score, OffsetDateTime createdAt) {
    public Attempt {
        answers = Map.copyOf(answers);
        verdicts = List.copyOf(verdicts);
    }
}
