package org.argmax.content;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read with SnakeYAML's node API so that every value keeps its line number: problems
 * are collected as {@code file:line: message} instead of thrown one at a time.
 */
public final class YamlMap {
    private final Path file;
    private final int lineOffset;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<ContentProblem> problems;

    private YamlMap(Path file, int lineOffset, Node node, List<ContentProblem> problems) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) entries.put(key.getValue(), t);
            }
        }
    }

    /**
     * Parses {@code text} (which starts at line {@code firstLine} of {@code file}); returns null and
     * records a problem when it is not valid YAML, not a mapping, or over a limit of
     * {@link ContentLimits}: its size, nesting depth and aliases to lists or mappings are checked
     * on the parser's events, which are produced without recursion, before the node tree is built.
     */
    public static YamlMap parse(Path file, String text, int firstLine, List<ContentProblem> problems) {
        Node root;
        try {
            LoaderOptions options = options();
            if (!withinLimits(file, text, firstLine, options, problems)) return null;
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : firstLine + e.getProblemMark().getLine();
            problems.add(new ContentProblem(file, line, "invalid YAML: " + e.getProblem()));
            return null;
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(file, firstLine, "invalid YAML: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode)) {
            problems.add(new ContentProblem(file, firstLine, "expected a YAML mapping of 'key: value' lines"));
            return null;
        }
        return new YamlMap(file, firstLine - 1, root, problems);
    }

    /** SnakeYAML's own limits, set to ours, in case the check on the events misses something. */
    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(ContentLimits.MAX_YAML_NESTING);
        options.setMaxAliasesForCollections(ContentLimits.MAX_YAML_ALIASES);
        options.setCodePointLimit((int) ContentLimits.MAX_FILE_BYTES);
        return options;
    }

    private static boolean withinLimits(Path file, String text, int firstLine, LoaderOptions options, List<ContentProblem> problems) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints > ContentLimits.MAX_FILE_BYTES) {
            problems.add(new ContentProblem(file, firstLine, String.format(java.util.Locale.ROOT,
                    "the YAML has %,d characters; at most %,d are allowed", codePoints, ContentLimits.MAX_FILE_BYTES)));
            return false;
        }
        int depth = 0;
        int aliases = 0;
        Set<String> collectionAnchors = new java.util.HashSet<>();
        for (Event event : new Yaml(options).parse(new StringReader(text))) {
            int line = event.getStartMark() == null ? firstLine : firstLine + event.getStartMark().getLine();
            if (event instanceof CollectionStartEvent start) {
                if (start.getAnchor() != null) collectionAnchors.add(start.getAnchor());
                if (++depth > ContentLimits.MAX_YAML_NESTING) {
                    problems.add(new ContentProblem(file, line, "lists and mappings nest more than " + ContentLimits.MAX_YAML_NESTING
                            + " levels deep here; content needs far fewer"));
                    return false;
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
                    && ++aliases > ContentLimits.MAX_YAML_ALIASES) {
                problems.add(new ContentProblem(file, line, "more than " + ContentLimits.MAX_YAML_ALIASES
                        + " aliases (*name) to lists or mappings; write the values out"));
                return false;
            }
        }
        return true;
    }

    public Path file() {
        return file;
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    /** The 1-based line in the file of this mapping. */
    public int line() {
        return lineOf(node);
    }

    public int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : lineOf(t.getValueNode());
    }

    private int lineOf(Node n) {
        return lineOffset + n.getStartMark().getLine() + 1;
    }

    /** The line where the text of {@code key}'s value starts: the line after the key for a {@code |} or {@code >} block. */
    public int textLine(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) return line();
        Node v = t.getValueNode();
        boolean block = v instanceof ScalarNode s && (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED);
        return lineOf(v) + (block ? 1 : 0);
    }

    /** The line of item {@code index} of the list under {@code key} (of the key when it is not a list that long). */
    public int itemLine(String key, int index) {
        NodeTuple t = entries.get(key);
        if (t != null && t.getValueNode() instanceof SequenceNode seq && index < seq.getValue().size()) {
            return lineOf(seq.getValue().get(index));
        }
        return lineOf(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public void problem(String key, String message) {
        problems.add(new ContentProblem(file, lineOf(key), message));
    }

    public void problemAt(int line, String message) {
        problems.add(new ContentProblem(file, line, message));
    }

    /** Reports keys that are not in {@code allowed}, with a suggestion when one is close. */
    public void rejectUnknownKeys(Set<String> allowed) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                String hint = Suggestions.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
                problems.add(new ContentProblem(file, lineOf(entries.get(key).getKeyNode()), "unknown key '" + key + "'" + hint));
            }
        }
    }

    public String string(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) problems.add(new ContentProblem(file, line(), "missing required key '" + key + "'"));
            return null;
        }
        if (t.getValueNode() instanceof ScalarNode s) {
            String v = s.getValue().strip();
            if (required && v.isEmpty()) problem(key, "'" + key + "' must not be empty");
            return v;
        }
        problem(key, "'" + key + "' must be a single value, not a list or mapping");
        return null;
    }

    public String string(String key, String fallback) {
        String v = has(key) ? string(key, false) : null;
        return v == null ? fallback : v;
    }

    public Integer integer(String key, Integer fallback, int min, int max) {
        String v = string(key, false);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                problem(key, "'" + key + "' must be between " + min + " and " + max + ", got " + n);
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(key, "'" + key + "' must be a whole number, got '" + v + "'");
            return fallback;
        }
    }

    public Double number(String key, Double fallback) {
        String v = string(key, false);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            problem(key, "'" + key + "' must be a number, got '" + v + "'");
            return fallback;
        }
    }

    public Boolean bool(String key, boolean fallback) {
        String v = string(key, false);
        if (v == null) return fallback;
        if (v.equals("true") || v.equals("yes")) return true;
        if (v.equals("false") || v.equals("no")) return false;
        problem(key, "'" + key + "' must be true or false, got '" + v + "'");
        return fallback;
    }

    /** A list of scalars; a single scalar is accepted as a list of one. */
    public List<String> stringList(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) problems.add(new ContentProblem(file, line(), "missing required key '" + key + "'"));
            return List.of();
        }
        Node v = t.getValueNode();
        if (v instanceof ScalarNode s) return List.of(s.getValue().strip());
        List<String> out = new ArrayList<>();
        if (v instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) out.add(s.getValue().strip());
                else problems.add(new ContentProblem(file, lineOf(item), "each item of '" + key + "' must be a single value"));
            }
        } else {
            problem(key, "'" + key + "' must be a list");
        }
        return out;
    }

    /** A list of scalars together with the line of each item. */
    public List<Located<String>> locatedStrings(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) problems.add(new ContentProblem(file, line(), "missing required key '" + key + "'"));
            return List.of();
        }
        List<Located<String>> out = new ArrayList<>();
        Node v = t.getValueNode();
        if (v instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) out.add(new Located<>(s.getValue().strip(), lineOf(item)));
                else problems.add(new ContentProblem(file, lineOf(item), "each item of '" + key + "' must be a single value"));
            }
        } else {
            problem(key, "'" + key + "' must be a list");
        }
        return out;
    }

    /** A nested mapping, or null (with a problem when required). */
    public YamlMap map(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) problems.add(new ContentProblem(file, line(), "missing required key '" + key + "'"));
            return null;
        }
        if (t.getValueNode() instanceof MappingNode) return new YamlMap(file, lineOffset, t.getValueNode(), problems);
        problem(key, "'" + key + "' must be a mapping of 'key: value' lines");
        return null;
    }

    /** A list of nested mappings. */
    public List<YamlMap> maps(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) problems.add(new ContentProblem(file, line(), "missing required key '" + key + "'"));
            return List.of();
        }
        List<YamlMap> out = new ArrayList<>();
        if (t.getValueNode() instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof MappingNode) out.add(new YamlMap(file, lineOffset, item, problems));
                else problems.add(new ContentProblem(file, lineOf(item), "each item of '" + key + "' must be a mapping"));
            }
        } else {
            problem(key, "'" + key + "' must be a list");
        }
        return out;
    }

    /** A value with the line it was written on. */
    public record Located<T>(T value, int line) {
    }
}
