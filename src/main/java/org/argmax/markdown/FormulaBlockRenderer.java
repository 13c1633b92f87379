package org.argmax.markdown;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Renders a {@code ```formulas} block ({@link FormulaBlock}) as the lesson's list of key formulas,
 * followed by a link to the formula sheet when {@code sheetLink} is given; every other fenced code
 * block is rendered as usual. Problems in the block were reported by {@link FormulaBlock#scan}
 * before; here lines that cannot be read are left out.
 */
final class FormulaBlockRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final CoreHtmlNodeRenderer core;
    private final String sheetLink;

    FormulaBlockRenderer(HtmlNodeRendererContext context, String sheetLink) {
        this.context = context;
        this.core = new CoreHtmlNodeRenderer(context);
        this.sheetLink = sheetLink;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock block = (FencedCodeBlock) node;
        if (!FormulaBlock.isFormulas(block.getInfo())) {
            core.render(node);
            return;
        }
        List<String> lines = Arrays.asList(block.getLiteral().split("\n", -1));
        List<FormulaBlock.Entry> entries = FormulaBlock.parseBody(lines, null, 1, new ArrayList<>());
        StringBuilder html = new StringBuilder("<div class=\"key-formulas\">\n").append(FormulaBlock.listHtml(entries));
        if (sheetLink != null) {
            html.append("<p class=\"formula-sheet-link\"><a href=\"").append(Html.escape(sheetLink))
                    .append("\">These formulas and every other lesson's on one printable page: the formula sheet</a></p>\n");
        }
        html.append("</div>\n");
        context.getWriter().line();
        context.getWriter().raw(html.toString());
    }
}
