package org.argmax.web;

import io.javalin.http.Context;
import org.argmax.db.Database;
import org.argmax.lessons.CourseService;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: for self-hosters' monitoring; 200 when the database answers, 503 otherwise. */
public final class HealthHandler {
    private final Database database;
    private final CourseService courses;

    public HealthHandler(Database database, CourseService courses) {
        this.database = database;
        this.courses = courses;
    }

    public void show(Context ctx) {
        boolean db = database.isHealthy();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "ok" : "database unavailable");
        body.put("lessons", courses.current().course().lessons().size());
        body.put("contentProblems", courses.current().problems().size());
        ctx.status(db ? 200 : 503).json(body);
    }
}
