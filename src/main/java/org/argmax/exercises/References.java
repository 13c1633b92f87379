package org.argmax.exercises;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reference answers an exercise can name, each computed by the estimation core on the
 * learner's data (see {@link CoreReferences} for the calls). Names read {@code family.method.parameter}:
 * {@code normal.mle.variance}, {@code bernoulli.map.p}, {@code regression.ols.slope},
 * {@code mixture.estep.responsibility}. Quantities a reference needs beyond the data (a prior's
 * {@code alpha} and {@code beta}, a starting mixture) come from the exercise's {@code given:}.
 */
public final class References {
    /** A reference: the families it applies to, the given quantities it needs, and how to compute it. */
    record Reference(String name, List<String> families, boolean vector, List<String> needs,
                     Function<ExerciseData, double[]> compute, String mleFamily, String mleParameter, boolean interval) {
        Reference(String name, List<String> families, boolean vector, List<String> needs,
                  Function<ExerciseData, double[]> compute, String mleFamily, String mleParameter) {
            this(name, families, vector, needs, compute, mleFamily, mleParameter, false);
        }
    }

    private final Map<String, Reference> all;
    /** Per reference, why a data set is not gradeable as the lessons teach it (see {@link #unsound}). */
    private final Map<String, Function<ExerciseData, String>> unsound;
    private final Map<String, AnswerDomain> domains;
    private final List<String> names;

    private References(Builder b, Map<String, AnswerDomain> domains) {
        all = Collections.unmodifiableMap(new LinkedHashMap<>(b.all));
        unsound = Collections.unmodifiableMap(new LinkedHashMap<>(b.unsound));
        this.domains = domains;
        names = List.copyOf(all.keySet());
    }

    /** Every reference of the core ({@link CoreReferences}) with its domain ({@link ReferenceDomains}): built once at start and passed in. */
    public static References standard() {
        Builder b = new Builder();
        CoreReferences.register(b);
        LabReferences.register(b);
        return new References(b, ReferenceDomains.standard());
    }

    /** Collects the references while {@link CoreReferences} registers them; the registry never changes afterwards. */
    static final class Builder {
        private final Map<String, Reference> all = new LinkedHashMap<>();
        private final Map<String, Function<ExerciseData, String>> unsound = new LinkedHashMap<>();

        private void put(Reference r) {
            if (all.put(r.name(), r) != null) throw new IllegalArgumentException("two references named " + r.name());
        }

        void add(String name, String family, List<String> needs, Function<ExerciseData, double[]> compute) {
            put(new Reference(name, List.of(family), false, needs, compute, null, null));
        }

        void addVector(String name, String family, List<String> needs, Function<ExerciseData, double[]> compute) {
            put(new Reference(name, List.of(family), true, needs, compute, null, null));
        }

        /** An MLE of one parameter: such answers can also be graded by likelihood. */
        void addMle(String name, String family, String parameter, Function<ExerciseData, double[]> compute) {
            put(new Reference(name, List.of(family), false, List.of(), compute, family, parameter));
        }

        /** An interval [low, high] (a vector of two, the lower end first). */
        void addInterval(String name, String family, List<String> needs, Function<ExerciseData, double[]> compute) {
            put(new Reference(name, List.of(family), true, needs, compute, null, null, true));
        }

        /** Declares when {@code name}'s data is degenerate: the rule returns why, or {@code null}. */
        void unsoundWhen(String name, Function<ExerciseData, String> rule) {
            if (!all.containsKey(name)) throw new IllegalArgumentException("no reference " + name);
            unsound.merge(name, rule, (a, b) -> d -> {
                String why = a.apply(d);
                return why != null ? why : b.apply(d);
            });
        }

        List<String> names() {
            return List.copyOf(all.keySet());
        }

        String family(String name) {
            return all.get(name).families().get(0);
        }
    }

    /**
     * Why this data is not one the lessons' recipe grades soundly, or {@code null}: a boundary
     * estimate, an empty k-means cluster, a tie. The rule belongs to the reference, so every exercise
     * that names the reference inherits it; {@link InstanceFactory} then draws other data.
     */
    public String unsound(String name, ExerciseData data) {
        Function<ExerciseData, String> rule = unsound.get(name);
        return rule == null ? null : rule.apply(data);
    }

    /** Every name, in the order they were registered. */
    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return all.containsKey(name);
    }

    /** The first family {@code name} applies to. */
    public String family(String name) {
        return all.get(name).families().get(0);
    }

    public boolean isInterval(String name) {
        return all.get(name).interval();
    }

    public boolean isVector(String name) {
        return all.get(name).vector();
    }

    public boolean fits(String name, String family) {
        return all.get(name).families().contains(family);
    }

    public List<String> needs(String name) {
        return all.get(name).needs();
    }

    public boolean supportsLikelihoodGrading(String name) {
        Reference r = all.get(name);
        return r != null && r.mleFamily() != null;
    }

    /** What any answer to {@code name} can be (a probability, a variance, a simplex…): see {@link ReferenceDomains}. */
    public AnswerDomain domain(String name) {
        AnswerDomain d = domains.get(name);
        if (d == null) throw new IllegalStateException("reference '" + name + "' has no answer domain: declare one in ReferenceDomains");
        return d;
    }

    /** Whether {@code name} has a declared domain (every reference must). */
    boolean declaresDomain(String name) {
        return domains.containsKey(name);
    }

    /** Every name with a declared domain, for the test that none is left over from a removed reference. */
    java.util.Set<String> domainNames() {
        return domains.keySet();
    }

    public double[] compute(String name, ExerciseData data) {
        return all.get(name).compute().apply(data);
    }

    /** How far below its maximum the log-likelihood is when the parameter is set to {@code value}. */
    public double likelihoodGap(String name, ExerciseData data, double value) {
        Reference r = all.get(name);
        return CoreReferences.likelihoodGap(r.mleFamily(), r.mleParameter(), data, value);
    }
}
