package org.argmax.exercises;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.Map;

/**
 * The starting point of an implementation lab as the learner downloads it: their data, the number of
 * iterations, and per run answer its start (EM: weights, means, variances; k-means: centers), the
 * same numbers the core starts from.
 */
final class LabFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabFiles() {
    }

    /** Whether the exercise has a run to implement (and so a starting point to download). */
    static boolean isLab(ExerciseSpec spec) {
        return spec.answers().stream().anyMatch(a -> a.type() == AnswerType.TRACE);
    }

    static String startJson(ExerciseInstance instance) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (double v : instance.data().values()) data.add(v);
        root.put("iterations", instance.data().given().get("iterations").intValue());
        for (AnswerSpec a : instance.spec().answers()) {
            if (a.type() != AnswerType.TRACE) continue;
            ObjectNode start = root.putObject(a.name());
            for (Map.Entry<String, double[]> e : TraceAnswer.shape(a).start().apply(instance.data()).entrySet()) {
                ArrayNode values = start.putArray(e.getKey());
                for (double v : e.getValue()) values.add(v);
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
