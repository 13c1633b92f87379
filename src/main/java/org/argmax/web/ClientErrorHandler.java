package org.argmax.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;

/**
 * Jetty's own error responses, for requests it rejects before the app sees them (a request line it
 * cannot parse, a header too large…). Those are 4xx already, except an HTTP version it does not
 * speak ({@code GET / HTTP/1.2}), which Jetty answers 505: whatever a client sends, the site answers
 * 4xx, so that is a 400 that says which versions work. These responses never pass the app's
 * before-handlers, so they get the same security headers here.
 */
final class ClientErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        SecurityHeaders.applyFixed((name, value) -> response.getHeaders().put(name, value));
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            response.setStatus(HttpStatus.BAD_REQUEST_400);
            super.generateResponse(request, response, HttpStatus.BAD_REQUEST_400, "Unsupported HTTP version: send HTTP/1.1 or HTTP/1.0", cause, callback);
            return;
        }
        super.generateResponse(request, response, code, message, cause, callback);
    }
}
