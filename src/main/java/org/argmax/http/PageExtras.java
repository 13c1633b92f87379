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

    /** A visitor's lesson, rendered whole. {@code exercises}: the ids of the exercises the lesson embeds, in page order. */
    default void lesson(Context ctx, String lessonSlug, List<String> exercises, Map<String, Object> model) {
    }

    /**
     * A signed-in viewer's lesson: the parts of its page this feature fills, as HTML by slot
     * ({@code exercise:ID} for each embedded exercise, {@code status} for the lesson's status), put
     * into {@code parts}. The rest of the page is the same for everyone and cached by the lessons
     * feature; a feature keeps what it renders in a {@link FragmentCache} for {@code version} (the
     * course snapshot) by everything the part shows, so an unchanged part is not rendered again.
     */
    default void lessonParts(Context ctx, Object version, String lessonSlug, List<String> exercises, Map<String, byte[]> parts) {
    }
}
