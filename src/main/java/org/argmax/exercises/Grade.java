package org.argmax.exercises;

import java.util.List;

/** The outcome of one submission: every answer's verdict and the score of this attempt. */
public record Grade(List<AnswerVerdict> answers, boolean correct, double score) {
    public Grade {
        answers = List.copyOf(answers);
    }

    /** The names of the feedback rules that fired (misconceptions and author mistakes), for statistics. */
    public List<String> firedRules() {
        return answers.stream().map(AnswerVerdict::rule).filter(r -> r != null).toList();
    }

    /**
     * One answer's verdict. {@code rule} names the misconception or mistake recognised, if any;
     * {@code message} is what the learner reads.
     */
    public record AnswerVerdict(String name, String given, boolean correct, String rule, String message) {
    }
}
