package org.argmax.progress;

import java.time.OffsetDateTime;

/** One learner's state on one lesson: read (visited) or completed (marked by the learner). */
public record LessonProgress(String lessonSlug, boolean completed, OffsetDateTime firstReadAt, OffsetDateTime lastVisitedAt,
                             OffsetDateTime completedAt) {
    public String status() {
        return completed ? "completed" : "read";
    }
}
