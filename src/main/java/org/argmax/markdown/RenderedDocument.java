package org.argmax.markdown;

import java.util.List;

/**
 * A lesson body rendered to HTML once, split around its embedded widgets and exercises: those are
 * filled in per request (an exercise shows each learner their own data). {@code formulaBlocks}: its
 * {@code ```formulas} blocks, for the formula sheet.
 */
public record RenderedDocument(List<Segment> segments, List<TocEntry> toc, List<Embed> embeds, List<FormulaBlock> formulaBlocks) {

    public RenderedDocument {
        segments = List.copyOf(segments);
        toc = List.copyOf(toc);
        embeds = List.copyOf(embeds);
        formulaBlocks = List.copyOf(formulaBlocks);
    }

    public RenderedDocument(List<Segment> segments, List<TocEntry> toc, List<Embed> embeds) {
        this(segments, toc, embeds, List.of());
    }

    /** Either a piece of ready HTML or an embed slot. */
    public record Segment(String html, Embed embed) {
        public boolean isEmbed() {
            return embed != null;
        }
    }

    /** {@code {{widget coin}}} or {@code {{exercise bernoulli-mle}}} on a line of its own. */
    public record Embed(String kind, String id, int line) {
        public boolean isWidget() {
            return kind.equals("widget");
        }

        public boolean isExercise() {
            return kind.equals("exercise");
        }
    }

    /** A heading of level 2 or 3, for the table of contents; {@code html} may hold math. */
    public record TocEntry(int level, String id, String html) {
    }
}
