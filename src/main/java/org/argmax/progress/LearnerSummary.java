package org.argmax.progress;

import java.time.OffsetDateTime;

/** A row of the instructor's learner list. */
public record LearnerSummary(long userId, String username, String displayName, int lessonsRead, int lessonsCompleted,
                             OffsetDateTime lastActivity) {
}
