package org.argmax.estimation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The distribution families of the core, with the parameter names the JSON API uses. */
public enum Family {
    BERNOULLI("bernoulli", "p"),
    BINOMIAL("binomial", "p"),
    CATEGORICAL("categorical", "probabilities"),
    POISSON("poisson", "lambda"),
    GEOMETRIC("geometric", "p"),
    EXPONENTIAL("exponential", "rate"),
    NORMAL("normal", "mean", "variance"),
    UNIFORM("uniform", "a", "b"),
    LAPLACE("laplace", "location", "scale"),
    GAMMA("gamma", "shape", "rate"),
    BETA("beta", "alpha", "beta"),
    MVNORMAL("mvnormal", "mean", "covariance");

    private final String jsonName;
    private final List<String> parameters;

    Family(String jsonName, String... parameters) {
        this.jsonName = jsonName;
        this.parameters = List.of(parameters);
    }

    public String jsonName() {
        return jsonName;
    }

    public List<String> parameters() {
        return parameters;
    }

    public static Family fromName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Family f : values()) {
            if (f.jsonName.equals(n)) return f;
        }
        throw new EstimationException("unknown model '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Family::jsonName).collect(Collectors.joining(", ")));
    }
}
