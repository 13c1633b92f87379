package org.argmax.lessons;

import java.util.LinkedHashMap;
import java.util.Map;

/** The interactive widgets a lesson can embed with {@code {{widget NAME}}}, with a title each. */
public final class Widgets {
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("coin", "Coin flips: the likelihood of θ");
        TITLES.put("normal", "Normal data: fitting μ and σ²");
        TITLES.put("prior-posterior", "From prior to posterior");
        TITLES.put("regression", "Least squares, ridge and lasso");
        TITLES.put("em", "EM on a mixture of two Gaussians");
        TITLES.put("kmeans-vs-em", "K-means versus soft EM");
        TITLES.put("sampling", "Repeat the experiment: the sampling distribution of an estimate");
        TITLES.put("choose-lambda", "Overfitting and choosing λ by cross-validation");
    }

    private Widgets() {
    }

    public static Map<String, String> titles() {
        return Map.copyOf(TITLES);
    }

    public static String title(String name) {
        return TITLES.getOrDefault(name, name);
    }
}
