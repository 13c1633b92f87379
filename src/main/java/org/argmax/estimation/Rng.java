package org.argmax.estimation;

/**
 * The platform's seeded random source, algorithm {@value #ALGORITHM}. Exercises store seeds, not
 * data, so this algorithm must never change: a new one gets a new name and the old one stays.
 *
 * <p>Seeding: SplitMix64 expands the 64-bit seed into the 256-bit state of xoshiro256** (Blackman
 * and Vigna, 2018). Uniforms use the top 53 bits; normals use Box–Muller without caching so every
 * draw consumes exactly two uniforms; gammas use Marsaglia and Tsang (2000).
 */
public final class Rng {
    public static final String ALGORITHM = "argmax-rng-v1 (xoshiro256** seeded by SplitMix64)";

    private long s0, s1, s2, s3;

    public Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L; s0 = mix(x);
        x += 0x9E3779B97F4A7C15L; s1 = mix(x);
        x += 0x9E3779B97F4A7C15L; s2 = mix(x);
        x += 0x9E3779B97F4A7C15L; s3 = mix(x);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1). */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new EstimationException("bound must be positive, was " + bound);
        return (int) Math.floor(uniform() * bound);
    }

    /** Standard normal by Box–Muller (one of the pair, the other is discarded on purpose). */
    public double standardNormal() {
        double u1 = 1.0 - uniform(); // in (0, 1], so the log is finite
        double u2 = uniform();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    public double normal(double mean, double sd) {
        return mean + sd * standardNormal();
    }

    /** Gamma(shape, rate=1) by Marsaglia–Tsang; shape &lt; 1 uses the boost U^(1/shape). */
    public double standardGamma(double shape) {
        if (shape < 1.0) {
            double boost = Math.pow(uniform() + 0x1.0p-53, 1.0 / shape);
            return standardGamma(shape + 1.0) * boost;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = standardNormal();
            double v = 1.0 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u + 0x1.0p-60) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) return d * v;
        }
    }

    /** Derives an independent child seed, e.g. one per exercise variant. */
    public static long deriveSeed(long... parts) {
        long h = 0x243F6A8885A308D3L;
        for (long p : parts) {
            h = mix(h ^ mix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }
}
