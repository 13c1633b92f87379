package org.argmax.lessons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interactive widgets a lesson can embed with {@code {{widget NAME}}}, with a title each: built
 * once at start ({@link #standard()}) and passed to {@link CourseService}, which checks the embeds and
 * hands the titles to the lesson pages.
 */
public final class Widgets {
    private final Map<String, String> titles;

    private Widgets(Map<String, String> titles) {
        this.titles = titles;
    }

    /** The widgets {@code static/js/widgets/} draws, in the order of the widget list. */
    public static Widgets standard() {
        return of(
                "coin", "Coin flips: the likelihood of θ",
                "normal", "Normal data: fitting μ and σ²",
                "prior-posterior", "From prior to posterior",
                "regression", "Least squares, ridge and lasso",
                "em", "EM on a mixture of two Gaussians",
                "kmeans-vs-em", "K-means versus soft EM",
                "sampling", "Repeat the experiment: the sampling distribution of an estimate",
                "choose-lambda", "Overfitting and choosing λ by cross-validation");
    }

    /** Name, title, name, title…: kept in this order. */
    private static Widgets of(String... namesAndTitles) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTitles.length; i += 2) m.put(namesAndTitles[i], namesAndTitles[i + 1]);
        return new Widgets(Collections.unmodifiableMap(m));
    }

    public Map<String, String> titles() {
        return titles;
    }
}
