package org.argmax.http;

import org.eclipse.jetty.http.HttpException;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A failure the client caused while its request was read, found anywhere in an exception's cause
 * chain: a body declared multipart that is not, a malformed chunked body, a body that ends early
 * (the client went away), a charset nobody knows, anything Jetty itself rejects as a bad message.
 * These are 4xx with a message, never 5xx, and are logged at debug level without a stack trace.
 */
public record ClientFault(int status, String message, boolean disconnected) {
    public static final String MULTIPART = "The request says its body is multipart/form-data, but the body is not valid multipart. "
            + "Send the form as application/x-www-form-urlencoded, or as multipart with the boundary the Content-Type names.";
    public static final String ENDED_EARLY = "The request body ended before it was complete, or its chunked encoding is malformed.";

    /** The client fault behind {@code e}, or null when the failure is the server's. */
    public static ClientFault of(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
            ClientFault f = direct(t);
            if (f != null) return f;
        }
        return null;
    }

    private static ClientFault direct(Throwable t) {
        String text = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof EOFException) return new ClientFault(400, ENDED_EARLY, true); // Jetty's EofException, HttpEofException ("Early EOF")
        if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
            String reason = h.getReason() == null ? "" : h.getReason();
            if (reason.toLowerCase(Locale.ROOT).contains("multipart")) return new ClientFault(400, MULTIPART, false);
            return new ClientFault(h.getCode(), "The request could not be read" + (reason.isBlank() ? "." : ": " + reason + "."), false);
        }
        if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
            return new ClientFault(415, "The request names a character set this site does not know; send UTF-8.", false);
        }
        if (t instanceof CharacterCodingException) return new ClientFault(400, "The request body is not valid in the character set it names; send UTF-8.", false);
        if (t instanceof ClosedChannelException) return new ClientFault(400, ENDED_EARLY, true);
        if (t instanceof IOException && (text.contains("Connection reset") || text.contains("Broken pipe"))) {
            return new ClientFault(400, ENDED_EARLY, true);
        }
        return null;
    }
}
