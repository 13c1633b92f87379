package org.argmax.markdown;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser's KaTeX, run by GraalJS, rejects what the page would show red and takes the page's options. */
class KatexValidatorTest {

    @Test
    @Tag("slow") // loads KaTeX in the GraalJS interpreter: seconds, once per JVM
    void rejectsWhatThePageShowsBrokenAndAcceptsTheCourseMacros() {
        KatexValidator katex = KatexValidator.shared();
        // \pdv with an unclosed group is left alone by PhysicsMacros, and KaTeX does not know \pdv
        assertEquals("Undefined control sequence: \\pdv at position 1",
                katex.verdict(PhysicsMacros.expand("\\pdv{\\ell}{\\mu = 0"), true).message());
        assertEquals("Unexpected end of input in a macro argument, expected '}' at end of input",
                katex.verdict("\\frac{1}{", false).message());
        assertEquals("Undefined control sequence: \\unknowncommand at position 1",
                katex.verdict("\\unknowncommand", false).message());
        assertNotNull(katex.verdict("\\begin{align} a &= b \\end{align}", false), "align is display-only");
        assertNull(katex.verdict("\\begin{align} a &= b \\end{align}", true));
        assertTrue(katex.verdict("\\href{https://example.org}{x}", false).message().contains("trust is off"));
        for (String ok : new String[]{"\\argmax_\\theta \\ell(\\theta)", "\\argmin_w", "\\E[X] + \\Var(X)", "x \\in \\R",
                PhysicsMacros.expand("\\pdv{\\ell}{\\mu} = \\qty(\\frac{1}{2})")}) {
            assertNull(katex.verdict(ok, false), ok);
        }
        // every formula gets a fresh copy of the macros, as on the page
        assertNull(katex.verdict("\\gdef\\foo{x} \\foo", false));
        assertNotNull(katex.verdict("\\foo", false));
    }

    @Test
    void usesTheMacrosAndOptionsOfThePage() throws IOException {
        String js = Files.readString(Path.of("static/js/math.js"));
        Matcher block = Pattern.compile("var macros = \\{(.*?)\\};", Pattern.DOTALL).matcher(js);
        assertTrue(block.find(), "math.js defines its macros in 'var macros = {…};'");
        Map<String, String> page = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*:\\s*'((?:[^'\\\\]|\\\\.)*)'").matcher(block.group(1));
        while (entry.find()) page.put(entry.group(1).replace("\\\\", "\\"), entry.group(2).replace("\\\\", "\\"));
        assertEquals(page, KatexValidator.MACROS);
        assertTrue(js.contains("strict: false"), "the check renders with strict: false like the page");
        assertTrue(js.contains("displayMode: el.classList.contains('math-display')"), "display math is what the server marks math-display");
        assertTrue(js.contains("macros: Object.assign({}, macros)"), "a fresh copy of the macros per formula");
        assertTrue(!js.contains("trust"), "the page leaves trust off");
    }

    @Test
    void readsTheKatexVersionFromTheWebjar() throws IOException {
        Matcher m = Pattern.compile("<katex.version>(.*?)</katex.version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        assertEquals(m.group(1), KatexValidator.version());
    }

    @Test
    void pointsAtTheLineKatexPointsAt() {
        Path f = Path.of("x.md");
        String written = "$$\n\\frac{1}{2}\n+ \\frac{1}{\n$$";
        var formula = new KatexValidator.Formula(f, 10, written, "\\frac{1}{2}\n+ \\frac{1}{", true);
        assertEquals(2, KatexValidator.linesBefore(formula, formula.tex().length()), "end of input: the last line of the formula");
        assertEquals(1, KatexValidator.linesBefore(formula, 0));
        assertEquals(0, KatexValidator.linesBefore(formula, -1), "no position: the opening line");
        // after an expanded macro, positions count from the end
        String pdv = "$\\pdv{a}{b}\n= \\frac{1}{$";
        var expanded = new KatexValidator.Formula(f, 3, pdv, PhysicsMacros.expand("\\pdv{a}{b}\n= \\frac{1}{"), false);
        assertEquals(1, KatexValidator.linesBefore(expanded, expanded.tex().length()));
        assertTrue(KatexValidator.message(expanded, new KatexValidator.Verdict("m", 0)).contains("(KaTeX got \\frac{\\partial a}"));
    }
}
