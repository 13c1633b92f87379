package org.argmax.http;

import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * What a feature adds to the home page and to a lesson page for one request (the embedded
 * exercises for this learner, the learner's progress). Owned here, below the features, so the
 * lessons feature renders pages without knowing who fills them in.
 */
public interface PageExtras {
    default void home(Context ctx, Map<String, Object> model) {
    }

    /** {@code exercises}: the ids of the exercises the lesson embeds, in page order. */
    default void lesson(Context ctx, String lessonSlug, List<String> exercises, Map<String, Object> model) {
    }
}
