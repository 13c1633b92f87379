package org.argmax.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as people read them on the instructor's pages: "67 %", "2.5", "0.42", never 4.680000000000001. */
public final class Numbers {
    private Numbers() {
    }

    public static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** At most {@code places} decimals, no trailing zeros ("2", "2.5", "−0.31"). */
    public static String decimal(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "undefined";
        String s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        if (s.equals("-0")) s = "0";
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
