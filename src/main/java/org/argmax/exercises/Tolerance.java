package org.argmax.exercises;

/**
 * How close an answer must be: relative ({@code |a−r| ≤ rel·|r|}), absolute ({@code |a−r| ≤ abs}) or
 * significant figures (the answer rounds to the reference's digits: {@code |a−r| ≤ ½·10^(e−d+1)}).
 */
public record Tolerance(Kind kind, double amount) {
    public enum Kind { RELATIVE, ABSOLUTE, DIGITS }

    public static final Tolerance DEFAULT = new Tolerance(Kind.RELATIVE, 1e-3);

    public double allowance(double reference) {
        return switch (kind) {
            case RELATIVE -> amount * Math.abs(reference);
            case ABSOLUTE -> amount;
            case DIGITS -> {
                double magnitude = reference == 0 ? 0 : Math.floor(Math.log10(Math.abs(reference)));
                yield 0.5 * Math.pow(10, magnitude - amount + 1) * (1 + 1e-9);
            }
        };
    }

    public boolean accepts(double answer, double reference) {
        return Math.abs(answer - reference) <= allowance(reference) + 1e-12 * Math.max(1, Math.abs(reference));
    }

    /**
     * Whether some typed value would be accepted as both {@code a} and {@code b}: then a learner could
     * be told either, and feedback that names one of them is not sound.
     */
    public boolean overlaps(double a, double b) {
        double slack = 1e-12 * (Math.max(1, Math.abs(a)) + Math.max(1, Math.abs(b)));
        return Math.abs(a - b) <= allowance(a) + allowance(b) + slack;
    }

    /** Descriptions already made: every view of an exercise shows its tolerances (String.format and two regexes each). */
    private static final java.util.Map<Tolerance, String> DESCRIBED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Shown next to the input, e.g. "to within 0.1 %" or "to 3 significant figures". */
    public String describe() {
        String known = DESCRIBED.get(this);
        if (known != null) return known;
        String made = description();
        if (DESCRIBED.size() < 4096) DESCRIBED.put(this, made); // a course has a few dozen
        return made;
    }

    private String description() {
        return switch (kind) {
            case RELATIVE -> "to within " + trim(amount * 100) + " % (relative)";
            case ABSOLUTE -> "to within ±" + trim(amount);
            case DIGITS -> "to " + (int) amount + " significant figures";
        };
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
