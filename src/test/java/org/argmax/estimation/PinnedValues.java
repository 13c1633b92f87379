package org.argmax.estimation;

/** Values the versioned generators must keep producing (recorded from argmax-rng-v1). */
final class PinnedValues {
    static final long FIRST_LONG_SEED_1 = -5480124913605472059L;
    static final double NORMAL_SEED_42 = -0.303263064678738;

    private PinnedValues() {
    }
}
