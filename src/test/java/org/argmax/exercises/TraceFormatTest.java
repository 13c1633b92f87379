package org.argmax.exercises;

import org.argmax.estimation.LabRuns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What learners upload to a lab: both formats, what programs print for non-numbers, and errors that name the line or field. */
class TraceFormatTest {
    private static final LabReferences.Shape EM = LabReferences.SHAPES.get(LabReferences.EM);
    private static final LabReferences.Shape KMEANS = LabReferences.SHAPES.get(LabReferences.KMEANS);

    private static String message(String text, LabReferences.Shape shape, int iterations) {
        return assertThrows(InvalidAnswerException.class, () -> TraceFormat.parse(text, shape, iterations)).getMessage();
    }

    @Test
    void csvAndJsonGiveTheSameRun() {
        String csv = "# my run\niteration,loglik\n1,-10.5\n2;-10.25\n3\t-10\nweights,0.25,0.75\nmeans,-1,2\nvariance,1.5,2e-1\n";
        String json = "{\"loglik\": [-10.5, -10.25, -10], \"weights\": [0.25, 0.75], \"means\": [-1, 2], \"variances\": [1.5, 0.2],}";
        LabRuns.Run a = TraceFormat.parse(csv, EM, 3), b = TraceFormat.parse(json, EM, 3);
        assertArrayEquals(new double[]{-10.5, -10.25, -10, 0.25, 0.75, -1, 2, 1.5, 0.2}, a.flat());
        assertArrayEquals(a.flat(), b.flat());
        double[] flat = a.flat();
        assertArrayEquals(flat, TraceFormat.parse(TraceFormat.csv(flat, EM, 3), EM, 3).flat(), 1e-9);
        assertArrayEquals(flat, TraceFormat.parse(TraceFormat.json(flat, EM, 3), EM, 3).flat(), 1e-9);
    }

    @Test
    void notANumberIsReadAsProgramsPrintIt() {
        double[] run = TraceFormat.parse("1,nan\n2,-inf\nweights,NaN,nan\nmeans,nan,nan\nvariances,nan,nan", EM, 2).flat();
        assertTrue(Double.isNaN(run[0]));
        assertEquals(Double.NEGATIVE_INFINITY, run[1]);
        double[] json = TraceFormat.parse("{\"loglik\": [NaN, -Infinity], \"weights\": [null, 0.5], \"means\": [1, 2], \"variances\": [1, 2]}", EM, 2).flat();
        assertTrue(Double.isNaN(json[0]) && Double.isNaN(json[2]));
        assertEquals(Double.NEGATIVE_INFINITY, json[1]);
    }

    @Test
    void aKMeansRunMayEndWithFewerCentres() {
        assertEquals(1, TraceFormat.parse("1,4\ncenters,2.5", KMEANS, 1).parameters()[0].length);
        assertEquals("Line 2: 'centers' has 3 values; 2 are needed, one per cluster.", message("1,4\ncentres,1,2,3", KMEANS, 1));
    }

    @Test
    void problemsNameTheLineAndField() {
        assertEquals("Line 3, field 2 (loglik): 'abc' is not a number.", message("iteration,loglik\n1,-3\n2,abc", EM, 2));
        assertEquals("Line 1: iteration 1 was expected here, found 0 (number the iterations from 1: the first row is the loglik after one iteration).",
                message("0,-3", EM, 2));
        assertEquals("Line 2: an iteration row has two fields, the iteration and the loglik; found 3 (use a point for decimals).",
                message("1,-3.5\n2,-3,25", EM, 2));
        assertEquals("Line 1: a header must read 'iteration,loglik', found 'iteration,inertia'.", message("iteration,inertia\n1,3", EM, 1));
        assertEquals("The trace has 1 iteration; 2 are needed (rows 'iteration,loglik' from 1 to 2).", message("1,-3\nweights,0.5,0.5", EM, 2));
        assertEquals("The final means are missing: a row 'means,…' (CSV) or a field \"means\" (JSON).",
                message("1,-3\nweights,0.5,0.5\nvariances,1,1", EM, 1));
        assertEquals("Line 2, field 3 (weights): '' is not a number (an empty field).", message("1,-3\nweights,0.5,", EM, 1));
        assertEquals("Unknown field 'sigma': the fields are loglik, weights, means, variances.", message("{\"loglik\": [1], \"sigma\": [1, 2]}", EM, 1));
        assertEquals("Field 'means', item 2: 'x' is not a number.", message("{\"loglik\": [1], \"means\": [1, \"x\"]}", EM, 1));
        assertTrue(message("{\"loglik\": [1,\n 2 3]}", EM, 2).startsWith("Line 2, column 4: this is not valid JSON"));
        assertTrue(message("   ", EM, 20).startsWith("Paste or upload your run first"));
    }
}
