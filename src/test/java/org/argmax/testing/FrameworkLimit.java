package org.argmax.testing;

import io.javalin.Javalin;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The framework's limit for the page harness ({@code src/test/load/pages.sh}): Javalin and Jetty as
 * Argmax starts them (same versions, defaults and compression strategy; no banner), answering
 * {@code GET /NAME} with the bytes of the file NAME of one folder, read into memory at start. No
 * session lookup, no template, no security headers: what any page of ours costs on top of this
 * is ours. Usage: {@code java -cp target/test-classes:target/argmax.jar org.argmax.testing.FrameworkLimit PORT DIR}
 */
public final class FrameworkLimit {
    private FrameworkLimit() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(Path.of(args[1]))) {
            for (Path p : list.filter(Files::isRegularFile).toList()) files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/{file}", ctx -> {
                String name = ctx.pathParam("file");
                byte[] bytes = files.get(name);
                if (bytes == null) throw new NotFoundResponse("no file " + name);
                ctx.contentType(name.endsWith(".css") ? "text/css" : "text/html; charset=utf-8");
                ctx.result(bytes);
            });
        }).start("127.0.0.1", port);
        System.out.println("FrameworkLimit serving " + files.keySet() + " on http://127.0.0.1:" + port + "/");
    }
}
