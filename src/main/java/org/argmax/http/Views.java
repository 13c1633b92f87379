package org.argmax.http;

import io.javalin.http.Context;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.serializer.StandardJavaScriptSerializer;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Renders Thymeleaf templates from {@code src/main/resources/templates/} with the attributes every
 * page needs (asset versions and hashed URLs, the current path); the web layer adds the course's (title, content
 * problems) and the signed-in user's through {@link #addGlobal}.
 */
public final class Views {
    private final TemplateEngine engine = new TemplateEngine();
    private final String katexVersion = Webjars.version("katex");
    private final String chartjsVersion = Webjars.version("chart.js");
    private final List<BiConsumer<Context, Map<String, Object>>> globals = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final StaticAssets assets;

    /** {@code assets}: the site's own files, linked with a hash of their bytes ({@code ${assets.url('/static/…')}}). */
    public Views(StaticAssets assets) {
        this.assets = assets;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        // JavaScript inlining (th:inline="javascript") with Thymeleaf's own serializer: with Jackson on the class path it
        // would build an ObjectMapper for it when the engine starts (~380 classes, ~70 ms of a start's CPU), and no
        // template inlines into JavaScript
        StandardDialect dialect = new StandardDialect();
        dialect.setJavaScriptSerializer(new StandardJavaScriptSerializer(false));
        engine.setDialect(dialect);
    }

    /**
     * Initializes the engine and renders the error page once with a made-up model, output
     * discarded: Thymeleaf's set-up, the layout's parse and OGNL's first expressions then happen at
     * start-up beside other work instead of in the first visitor's request. A failure here only
     * means the first request does that work itself.
     */
    public void warmUp() {
        try {
            Map<String, Object> model = new HashMap<>(Map.of("status", 404, "title", "Page not found", "message", "",
                    "katexVersion", katexVersion, "chartjsVersion", chartjsVersion, "currentPath", "/",
                    "courseTitle", "", "contentProblems", List.of(), "csrfToken", ""));
            model.put("assets", assets);
            engine.process("error", new org.thymeleaf.context.Context(java.util.Locale.ROOT, model));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Views.class).debug("Template warm-up failed; the first request does it", e);
        }
    }

    /** Registers a contributor of attributes that every page gets (e.g. the signed-in user). */
    public void addGlobal(BiConsumer<Context, Map<String, Object>> contributor) {
        globals.add(contributor);
    }

    public void render(Context ctx, String template, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(process(ctx, template, model));
    }

    public String process(Context ctx, String template, Map<String, Object> model) {
        return engine.process(template, context(ctx, model));
    }

    /** One fragment of a template, e.g. an exercise re-rendered after a submission made with JavaScript. */
    public String fragment(Context ctx, String template, String fragment, Map<String, Object> model) {
        return engine.process(template, java.util.Set.of(fragment), context(ctx, model));
    }

    private org.thymeleaf.context.Context context(Context ctx, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("katexVersion", katexVersion);
        all.put("chartjsVersion", chartjsVersion);
        all.put("currentPath", ctx.path());
        all.put("assets", assets);
        for (BiConsumer<Context, Map<String, Object>> g : globals) g.accept(ctx, all);
        return new org.thymeleaf.context.Context(ctx.req().getLocale(), all);
    }
}
