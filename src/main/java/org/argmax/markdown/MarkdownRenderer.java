package org.argmax.markdown;

import org.argmax.content.ContentProblem;
import org.argmax.content.Suggestions;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown with math → HTML, with commonmark-java (GFM tables, heading ids). Math is taken out
 * first by {@link MathExtractor} so the Markdown step cannot mangle it; embeds are cut out into
 * {@link RenderedDocument.Segment}s. Instructors own the content, so raw HTML in it is kept.
 */
public final class MarkdownRenderer {
    private static final Pattern EMBED_LINE = Pattern.compile("^[ \\t]*\\{\\{\\s*(\\w+)\\s+([^\\s}]+)\\s*}}[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern EMBED_SLOT = Pattern.compile("<p>ZqEmbed(\\d+)Zq</p>");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    /**
     * Renders {@code markdown}, which starts at line {@code firstLine} of {@code file}. Text over the
     * nesting limits of {@link MarkdownLimits} is not parsed: the problem is recorded and the text is
     * shown as escaped plain text.
     */
    public RenderedDocument render(String markdown, Path file, int firstLine, EmbedTargets targets, List<ContentProblem> problems) {
        return render(markdown, file, firstLine, targets, problems, null);
    }

    /**
     * As {@link #render(String, Path, int, EmbedTargets, List)}, for a lesson: its {@code ```formulas}
     * block ({@link FormulaBlock}) is followed by a link to {@code formulaSheetLink}, its place on the
     * formula sheet (null: no link).
     */
    public RenderedDocument render(String markdown, Path file, int firstLine, EmbedTargets targets, List<ContentProblem> problems,
                                   String formulaSheetLink) {
        if (!MarkdownLimits.check(markdown, file, firstLine, problems)) {
            String html = "<pre>" + Html.escape(markdown) + "</pre>";
            return new RenderedDocument(List.of(new RenderedDocument.Segment(html, null)), List.of(), List.of());
        }
        List<FormulaBlock> formulaBlocks = FormulaBlock.scan(markdown, file, firstLine, problems).blocks();
        List<Integer> embedLines = embedLines(markdown, firstLine);
        MathExtractor math = new MathExtractor();
        List<RenderedDocument.Embed> embeds = new ArrayList<>();
        String text = cutEmbeds(math.extract(markdown, file, firstLine, problems), embedLines, file, targets, embeds, problems);
        Node document = parser.parse(text);
        Map<Node, String> headingIds = new IdentityHashMap<>();
        List<RenderedDocument.TocEntry> toc = new ArrayList<>();
        collectHeadings(document, math, headingIds, toc);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .nodeRendererFactory(context -> new FormulaBlockRenderer(context, formulaSheetLink))
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String id = headingIds.get(node);
                    if (id != null) attributes.put("id", id);
                    if (tagName.equals("table")) attributes.put("class", "data-table");
                })
                .build();
        String html = math.restore(renderer.render(document));
        return new RenderedDocument(split(html, embeds), toc, embeds, formulaBlocks);
    }

    /**
     * Only the limits {@link #render} checks before parsing (nesting, emphasis and link markers,
     * formula length), for Markdown rendered later, such as exercise prompts; true when within them.
     */
    public static boolean checkLimits(String markdown, Path file, int firstLine, List<ContentProblem> problems) {
        boolean ok = MarkdownLimits.check(markdown, file, firstLine, problems);
        MathExtractor math = new MathExtractor();
        math.extract(markdown, file, firstLine, new ArrayList<>());
        problems.addAll(math.overLimit());
        return ok && math.overLimit().isEmpty();
    }

    /** Lines of the embeds in the original text: math extraction changes line counts, so they are taken first. */
    private static List<Integer> embedLines(String markdown, int firstLine) {
        List<Integer> lines = new ArrayList<>();
        Matcher m = EMBED_LINE.matcher(markdown);
        int line = firstLine;
        int from = 0;
        while (m.find()) {
            for (int k = from; k < m.start(); k++) if (markdown.charAt(k) == '\n') line++;
            from = m.start();
            lines.add(line);
        }
        return lines;
    }

    /** One line of Markdown with math (an objective, a label) as inline HTML, without the paragraph. */
    public String renderInline(String markdown, Path file, int line, EmbedTargets targets, List<ContentProblem> problems) {
        String html = render(markdown, file, line, targets, problems).segments().stream()
                .filter(s -> !s.isEmbed()).map(RenderedDocument.Segment::html).collect(java.util.stream.Collectors.joining()).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) html = html.substring(3, html.length() - 4);
        return html;
    }

    private static String cutEmbeds(String text, List<Integer> lines, Path file, EmbedTargets targets,
                                    List<RenderedDocument.Embed> embeds, List<ContentProblem> problems) {
        Matcher m = EMBED_LINE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int index = 0;
        while (m.find()) {
            int line = index < lines.size() ? lines.get(index) : lines.isEmpty() ? 1 : lines.get(lines.size() - 1);
            index++;
            String kind = m.group(1);
            String id = m.group(2);
            if (!kind.equals("widget") && !kind.equals("exercise")) {
                problems.add(new ContentProblem(file, line, "unknown embed '{{" + kind + " …}}': use {{widget NAME}} or {{exercise ID}}"));
                m.appendReplacement(out, "");
                continue;
            }
            if (!targets.namesFor(kind).contains(id)) {
                String hint = Suggestions.closest(id, targets.namesFor(kind)).map(s -> " (did you mean '" + s + "'?)")
                        .orElse(kind.equals("widget") ? " (known widgets: " + String.join(", ", targets.widgets().stream().sorted().toList()) + ")" : "");
                problems.add(new ContentProblem(file, line, "unknown " + kind + " '" + id + "'" + hint));
                m.appendReplacement(out, "");
                continue;
            }
            embeds.add(new RenderedDocument.Embed(kind, id, line));
            // blank lines around keep the slot a paragraph of its own
            m.appendReplacement(out, "\nZqEmbed" + (embeds.size() - 1) + "Zq\n");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void collectHeadings(Node document, MathExtractor math, Map<Node, String> ids,
                                        List<RenderedDocument.TocEntry> toc) {
        IdGenerator generator = IdGenerator.builder().build();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder plain = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        plain.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        plain.append(c.getLiteral());
                    }
                });
                String label = plain.toString();
                String idSource = label.replaceAll(MathExtractor.TOKEN + "\\d+Zq", "").strip();
                String id = generator.generateId(idSource.isEmpty() ? "section" : idSource);
                ids.put(heading, id);
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    toc.add(new RenderedDocument.TocEntry(heading.getLevel(), id, math.restore(Html.escape(label))));
                }
            }
        });
    }

    private static List<RenderedDocument.Segment> split(String html, List<RenderedDocument.Embed> embeds) {
        List<RenderedDocument.Segment> segments = new ArrayList<>();
        Matcher m = EMBED_SLOT.matcher(html);
        int last = 0;
        while (m.find()) {
            int index = m.group(1).length() > 9 ? -1 : Integer.parseInt(m.group(1));
            if (index < 0 || index >= embeds.size()) continue; // the author's own text looks like a slot: keep it
            if (m.start() > last) segments.add(new RenderedDocument.Segment(html.substring(last, m.start()), null));
            segments.add(new RenderedDocument.Segment(null, embeds.get(index)));
            last = m.end();
        }
        if (last < html.length()) segments.add(new RenderedDocument.Segment(html.substring(last), null));
        return segments;
    }
}
