package org.argmax.web;

import io.javalin.http.Context;
import org.argmax.db.Database;
import org.argmax.http.HttpErrors;
import org.argmax.lessons.CourseService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: for self-hosters' monitoring; 200 when the database answers, 503 with the
 * reason (e.g. "writing the database file failed: No space left on device") and since when
 * otherwise. After a write failure it is 200 again only once a write succeeds (see Database#health).
 * {@code content} is a SHA-256 of the files under content/ ({@link CourseService#contentVersion}):
 * servers behind one proxy must report the same.
 */
public final class HealthHandler {
    private final Database database;
    private final CourseService courses;

    public HealthHandler(Database database, CourseService courses) {
        this.database = database;
        this.courses = courses;
    }

    public void show(Context ctx) {
        Database.Health db = database.health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db.ok() ? "ok" : "database unavailable");
        if (!db.ok()) {
            body.put("reason", db.problem());
            body.put("since", db.since().toString());
        }
        body.put("content", courses.contentVersion()); // the same on every server behind one proxy
        body.put("lessons", courses.current().course().lessons().size());
        body.put("contentProblems", courses.current().problems().size());
        if (!db.ok()) ctx.header("Retry-After", String.valueOf(HttpErrors.RETRY_AFTER_SECONDS));
        ctx.status(db.ok() ? 200 : 503).json(body);
    }
}
