package org.argmax.markdown;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * KaTeX loaded in a GraalJS context: {@code apply(tex, display)} is null when the formula renders,
 * else {@code {message, position}}. The one class that calls GraalJS. Only the JDK's types cross its
 * boundary, because {@link GraalJs} may define it in a class loader of its own, next to GraalJS's jars.
 */
public final class KatexScript implements BiFunction<String, Boolean, Object[]> {
    private final Value render;

    /** Runs {@code script} (katex.min.js), then {@code glue}, a function of the macros that returns the render function. */
    public KatexScript(String script, String glue, Map<String, String> macros) {
        // without the Graal compiler (a stock JDK) GraalJS interprets; that is expected here, so no warning
        Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        Context context = Context.newBuilder("js").engine(engine).build();
        context.eval(Source.newBuilder("js", script, "katex.min.js").buildLiteral());
        Value jsMacros = context.eval("js", "({})");
        macros.forEach(jsMacros::putMember);
        this.render = context.eval("js", glue).execute(jsMacros);
    }

    @Override
    public Object[] apply(String tex, Boolean display) {
        Value v = render.execute(tex, display);
        return v.isNull() ? null : new Object[] {v.getArrayElement(0).asString(), v.getArrayElement(1).asInt()};
    }
}
