package org.argmax.exercises;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnswerParsingTest {
    @Test
    void numbersAndSimpleArithmetic() {
        assertEquals(0.7, AnswerParser.number("0.7"));
        assertEquals(0.7, AnswerParser.number(" 7/10 "), 1e-15);
        assertEquals(-0.0015, AnswerParser.number("-1.5e-3"));
        assertEquals(Math.sqrt(2) / 2, AnswerParser.number("sqrt(2)/2"), 1e-15);
    }

    @Test
    void unreadableNumbersSayWhatIsWrong() {
        assertEquals("Use a point for decimals: 0.7, not 0,7.", assertThrows(InvalidAnswerException.class, () -> AnswerParser.number("0,7")).getMessage());
        assertEquals("Type a number first.", assertThrows(InvalidAnswerException.class, () -> AnswerParser.number("  ")).getMessage());
        String abc = assertThrows(InvalidAnswerException.class, () -> AnswerParser.number("abc")).getMessage();
        assertEquals("'abc' is not a known variable or function in 'abc' (no variables are allowed here).", abc);
        assertThrows(InvalidAnswerException.class, () -> AnswerParser.number("1/0"));
        assertThrows(InvalidAnswerException.class, () -> AnswerParser.number("2*"));
    }

    @Test
    void vectorsWithBracketsAndSeparators() {
        assertArrayEquals(new double[]{0.2, 0.3, 0.5}, AnswerParser.vector("[0.2, 0.3, 0.5]", 3));
        assertArrayEquals(new double[]{1, 2}, AnswerParser.vector("1; 2", 2));
        assertArrayEquals(new double[]{1, 2}, AnswerParser.vector("1 2", 2));
        String wrong = assertThrows(InvalidAnswerException.class, () -> AnswerParser.vector("0,7", 3)).getMessage();
        assertEquals("Expected 3 numbers separated by commas, got 2 (use a point for decimals: 0.7, not 0,7).", wrong);
    }

    @Test
    void formulasOnlyInTheirVariables() {
        var e = Formulas.parse("k / n", List.of("k", "n"));
        assertEquals(0.7, Formulas.evaluate(e, java.util.Map.of("k", 7.0, "n", 10.0)), 1e-15);
        String unknown = assertThrows(InvalidAnswerException.class, () -> Formulas.parse("k / m", List.of("k", "n"))).getMessage();
        assertEquals("'m' is not a known variable or function in 'k / m' (you can use k, n).", unknown);
    }

    @Test
    void tolerancesAndTheirDescriptions() {
        Tolerance rel = new Tolerance(Tolerance.Kind.RELATIVE, 0.01);
        Tolerance abs = new Tolerance(Tolerance.Kind.ABSOLUTE, 0.005);
        Tolerance digits = new Tolerance(Tolerance.Kind.DIGITS, 3);
        assertEquals(true, rel.accepts(1.009, 1.0));
        assertEquals(false, rel.accepts(1.011, 1.0));
        assertEquals(true, abs.accepts(0.704, 0.7));
        assertEquals(false, abs.accepts(0.706, 0.7));
        assertEquals(true, digits.accepts(0.571, 12.0 / 21));
        assertEquals(true, digits.accepts(0.5714, 12.0 / 21));
        assertEquals(false, digits.accepts(0.57, 12.0 / 21));
        assertEquals(false, digits.accepts(0.572, 12.0 / 21));
        assertEquals("to within 1 % (relative)", rel.describe());
        assertEquals("to within ±0.005", abs.describe());
        assertEquals("to 3 significant figures", digits.describe());
    }
}
