package org.argmax.markdown;

import java.util.Set;

/** The widget and exercise names a lesson may embed; anything else is an authoring error. */
public record EmbedTargets(Set<String> widgets, Set<String> exercises) {
    public EmbedTargets {
        widgets = Set.copyOf(widgets);
        exercises = Set.copyOf(exercises);
    }

    public Set<String> namesFor(String kind) {
        return kind.equals("widget") ? widgets : exercises;
    }
}
