package org.argmax.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhysicsMacrosTest {
    @Test
    void qtyMatchesNestedBrackets() {
        assertEquals("\\left( a (b) c \\right)", PhysicsMacros.expand("\\qty(a (b) c)"));
        assertEquals("\\left[ x \\right]", PhysicsMacros.expand("\\qty[x]"));
        assertEquals("\\left\\{ x \\right\\}", PhysicsMacros.expand("\\qty{x}"));
        assertEquals("\\left| x \\right|", PhysicsMacros.expand("\\qty|x|"));
    }

    @Test
    void mqtyPicksTheMatrixEnvironment() {
        assertEquals("\\begin{bmatrix}0 \\\\ 0\\end{bmatrix}", PhysicsMacros.expand("\\mqty[0 \\\\ 0]"));
        assertEquals("\\begin{pmatrix}a & b\\end{pmatrix}", PhysicsMacros.expand("\\mqty(a & b)"));
    }

    @Test
    void derivativesWithOrderAndWithoutFunction() {
        assertEquals("\\frac{\\partial f}{\\partial x}", PhysicsMacros.expand("\\pdv{f}{x}"));
        assertEquals("\\frac{\\partial^{2} f}{\\partial x^{2}}", PhysicsMacros.expand("\\pdv[2]{f}{x}"));
        assertEquals("\\frac{\\partial}{\\partial \\theta}", PhysicsMacros.expand("\\pdv{\\theta}"));
        assertEquals("\\frac{\\mathrm{d} y}{\\mathrm{d} t}", PhysicsMacros.expand("\\dv{y}{t}"));
    }

    @Test
    void otherCommandsAreUntouched() {
        assertEquals("\\quad \\qtyx \\left( \\frac{a}{b} \\right)", PhysicsMacros.expand("\\quad \\qtyx \\qty(\\frac{a}{b})"));
        assertEquals("\\\\[2pt]", PhysicsMacros.expand("\\\\[2pt]"));
    }
}
