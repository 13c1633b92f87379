package org.argmax.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for integration tests: keeps cookies and the last page's CSRF token. */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestServer server;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public WebClient(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    /** GETs {@code path} until {@code accepted} holds, for at most 10 s (see {@link TestServer#getUntil}). */
    public HttpResponse<String> getUntil(String path, java.util.function.Predicate<HttpResponse<String>> accepted) {
        return TestServer.until(() -> get(path), accepted);
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) all.putIfAbsent("_csrf", csrf);
        return postRaw(path, all, Map.of());
    }

    public HttpResponse<String> postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = send(b.build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    public String csrf() {
        return csrf;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        cookies.getCookieStore().add(URI.create(server.url("/")), c);
    }

    /** Signs up (fetching the form first for its CSRF token) and returns the response. */
    public HttpResponse<String> signUp(String name, String username, String password) {
        get("/signup");
        return post("/signup", Map.of("displayName", name, "username", username, "password", password));
    }

    public HttpResponse<String> signIn(String username, String password) {
        get("/signin");
        return post("/signin", Map.of("username", username, "password", password));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
