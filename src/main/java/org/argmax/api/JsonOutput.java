package org.argmax.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns results into plain maps and lists that JSON can hold: NaN and ±Infinity have no JSON form,
 * so a non-finite number becomes {@code null} (e.g. a likelihood that underflowed to log 0).
 */
final class JsonOutput {
    private JsonOutput() {
    }

    static Object safe(Object value) {
        if (value == null) return null;
        if (value instanceof Double d) return Double.isFinite(d) ? d : null;
        if (value instanceof Float f) return safe(f.doubleValue());
        if (value instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double v : a) out.add(safe(v));
            return out;
        }
        if (value instanceof int[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (int v : a) out.add(v);
            return out;
        }
        if (value instanceof Object[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (Object v : a) out.add(safe(v));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(safe(v));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), safe(v)));
            return out;
        }
        return value;
    }
}
