package org.argmax.lessons;

import java.util.LinkedHashMap;
import java.util.Map;

/** The interactive widgets a lesson can embed with {@code {{widget NAME}}}, with a title each. */
public final class Widgets {
    private static final Map<String, String> TITLES = ordered(
            "coin", "Coin flips: the likelihood of θ",
            "normal", "Normal data: fitting μ and σ²",
            "prior-posterior", "From prior to posterior",
            "regression", "Least squares, ridge and lasso",
            "em", "EM on a mixture of two Gaussians",
            "kmeans-vs-em", "K-means versus soft EM",
            "sampling", "Repeat the experiment: the sampling distribution of an estimate",
            "choose-lambda", "Overfitting and choosing λ by cross-validation");

    /** Name, title, name, title…: an unmodifiable map in this order (the order of the widget list). */
    private static Map<String, String> ordered(String... namesAndTitles) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTitles.length; i += 2) m.put(namesAndTitles[i], namesAndTitles[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    private Widgets() {
    }

    public static Map<String, String> titles() {
        return TITLES;
    }

    public static String title(String name) {
        return TITLES.getOrDefault(name, name);
    }
}
