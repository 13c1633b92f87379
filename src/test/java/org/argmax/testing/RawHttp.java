package org.argmax.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written byte by byte on a socket to 127.0.0.1, for requests no HTTP client library will
 * send: malformed chunked bodies, Content-Length that lies, bodies on GET, control characters. After
 * writing, the socket's output is shut down (the client sends nothing more), and the whole response
 * is read until the server closes or {@code timeoutMillis} pass.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** The status (or -1 when the server closed without answering, -2 on a timeout), the head and the body. */
    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }
    }

    public static Response send(int port, byte[] request, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may answer (431, 413…) and close before the whole request is written: read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long deadline = System.currentTimeMillis() + timeoutMillis;
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    got.write(buffer, 0, n);
                    if (System.currentTimeMillis() > deadline) break;
                }
            } catch (SocketTimeoutException e) {
                if (got.size() == 0) return new Response(-2, "", "");
            } catch (IOException e) {
                // connection reset after (part of) an answer
            }
            return parse(got.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return new Response(-1, "", e.toString());
        }
    }

    public static Response send(int port, String request, int timeoutMillis) {
        return send(port, request.getBytes(StandardCharsets.UTF_8), timeoutMillis);
    }

    private static Response parse(String raw) {
        if (!raw.startsWith("HTTP/")) return new Response(-1, "", raw);
        // skip interim answers (100 Continue) to the final one
        while (raw.matches("(?s)HTTP/\\S+ 1\\d\\d.*") && raw.indexOf("\r\n\r\n") > 0 && raw.indexOf("HTTP/", 5) > 0) {
            raw = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            if (!raw.startsWith("HTTP/")) return new Response(-1, "", raw);
        }
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] first = head.split("\r\n", 2)[0].split(" ");
        int status;
        try {
            status = Integer.parseInt(first[1]);
        } catch (RuntimeException e) {
            status = -1;
        }
        // the body as text: the head is ISO-8859-1, pages are UTF-8
        String text = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new Response(status, head, text);
    }
}
