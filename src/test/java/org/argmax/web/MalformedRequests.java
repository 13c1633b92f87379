package org.argmax.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Builds malformed HTTP/1.1 requests for one route from a seeded {@link Random}: every part of the
 * request (method, path parameters, query, headers, framing, encoding, body, form fields, answers)
 * is either what the site expects or one of many kinds of nonsense, so one request combines a few
 * faults and a few thousand requests cover every pair of them many times over.
 */
final class MalformedRequests {
    /** What one role sends with every request: its cookies and the CSRF token the site gave it. */
    record Identity(String name, String sessionCookie, String csrfCookie, String csrfToken) {
    }

    /** One request: the bytes to send and a short description to reproduce it by. */
    record Request(byte[] bytes, String description) {
    }

    /** Valid values for path parameters and form fields, so requests also get past the first checks. */
    record Site(List<String> lessons, Map<String, List<String>> exerciseAnswers, List<String> learnerIds) {
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "get", "QUERY"};
    private static final String[] CONTROL = {"\u0000", "\u0001", "\u0007", "\u001b", "\u001c", "\u007f", "\u0085", "\u202e", "\u2028", "\ufeff", "\ud800", "\uffff"};

    private final Random random;
    private final Site site;

    MalformedRequests(long seed, Site site) {
        this.random = new Random(seed);
        this.site = site;
    }

    Request next(Routes.Route route, Identity who) {
        List<String> notes = new ArrayList<>();
        String method = chance(0.8) ? route.method() : pick(METHODS);
        if (!method.equals(route.method())) notes.add("method " + method);
        String path = fillPath(route.path(), notes);
        String query = query(notes);
        String target = path + query;
        String version = chance(0.97) ? "HTTP/1.1" : pick("HTTP/1.0", "HTTP/1.2", "HTTP/2.0");
        Map<String, String> headers = new LinkedHashMap<>();
        if (chance(0.98)) headers.put("Host", chance(0.95) ? "localhost" : pick("", "bad host", "localhost:99999", "[::1", "ex ample"));
        headers.put("Connection", "close");
        String accept = accept(notes);
        if (accept != null) headers.put("Accept", accept);
        String cookie = cookie(who, notes);
        if (cookie != null) headers.put("Cookie", cookie);
        boolean validToken = who.csrfToken() != null && chance(0.7);
        if (chance(0.3)) {
            String token = validToken ? who.csrfToken() : junk(notes, "csrf header");
            headers.put("X-CSRF-Token", token);
        }
        byte[] body = body(route, who, validToken, headers, notes);
        otherHeaders(headers, notes);
        byte[] framed = frame(headers, body, notes);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = method + " " + target + " " + version + "\r\n";
        StringBuilder h = new StringBuilder(head);
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("\r\n");
        out.writeBytes(h.toString().getBytes(chance(0.9) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        out.writeBytes(framed);
        return new Request(out.toByteArray(), who.name() + " " + method + " " + abbreviate(target) + " " + String.join("; ", notes));
    }

    // ---- request line

    private String fillPath(String template, List<String> notes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            String param = template.substring(open + 1, close);
            out.append(pathValue(template, param, notes));
            i = close + 1;
        }
        String path = out.toString();
        if (chance(0.05)) {
            String odd = pick(path + "/", path + "//", path + "/..", path + "%2F", path + ";jsessionid=x", "/" + path, path + "%00",
                    path.toUpperCase(), path + "/%2e%2e/%2e%2e/etc/passwd");
            notes.add("odd path");
            return odd;
        }
        return path;
    }

    private String pathValue(String template, String param, List<String> notes) {
        if (chance(0.6)) {
            List<String> valid = param.equals("slug") ? site.lessons()
                    : template.contains("learners") ? site.learnerIds()
                    : new ArrayList<>(site.exerciseAnswers().keySet());
            return pick(valid.toArray(String[]::new));
        }
        notes.add("odd {" + param + "}");
        return pick("", "%00", "%ZZ", "%", "..%2F..%2Fetc", "a".repeat(300), "a".repeat(5000), "%C0%AF", "%C3%A9", "%F0%9F%98%80",
                "-1", "0", "99999999999999999999", "1e3", "%20", "null", "%3Cscript%3E", "'%20OR%201=1--", "%E2%80%AE", "%0d%0aX:%201",
                "x.csv", "%FF%FE", "1;2", "~", "%2e%2e");
    }

    private String query(List<String> notes) {
        if (chance(0.6)) return "";
        notes.add("query");
        String[] names = {"seed", "page", "next", "%ZZ", "a", "seed[]", ""};
        StringBuilder q = new StringBuilder("?");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) q.append(pick("&", "&&", ";"));
            q.append(pick(names)).append(pick("=", "", "=="));
            q.append(pick("1", "-1", "0", "abc", "99999999999999999999999", "1e999", "NaN", "%ZZ", "%", "%00", "/%2F%2Fevil.example",
                    "//evil.example", "%0d%0aSet-Cookie:x=1", "a".repeat(3000), "%E2%80%AE", " 7 ", "%20", "-9223372036854775808", "0x10"));
        }
        return q.toString();
    }

    // ---- headers

    private String accept(List<String> notes) {
        if (chance(0.3)) return null;
        String a = pick("text/html", "application/json", "*/*", "application/json, text/html", "image/png", "garbage;;q=x", "", "text/*;q=0");
        if (!a.equals("text/html") && !a.equals("*/*")) notes.add("accept " + a);
        return a;
    }

    private String cookie(Identity who, List<String> notes) {
        List<String> parts = new ArrayList<>();
        if (who.sessionCookie() != null && chance(0.9)) parts.add("argmax_session=" + who.sessionCookie());
        if (who.csrfCookie() != null && chance(0.9)) parts.add("argmax_csrf=" + who.csrfCookie());
        if (chance(0.15)) {
            notes.add("odd cookie");
            parts.add(pick("argmax_session=garbage", "argmax_session=", "argmax_session=" + "x".repeat(4000), "argmax_csrf=short",
                    "argmax_csrf=" + "y".repeat(70), "=", ";;;", "argmax_session=\"quoted\"", "a=b=c", "argmax_session=%ZZ",
                    "argmax_session=\u00e9\u00e9", "$Version=1; argmax_session=x; $Path=/"));
        }
        return parts.isEmpty() ? null : String.join(pick("; ", ";", " ;  "), parts);
    }

    private void otherHeaders(Map<String, String> headers, List<String> notes) {
        if (chance(0.08)) {
            headers.put("Content-Encoding", pick("gzip", "deflate", "br", "bogus", "gzip, gzip"));
            notes.add("content-encoding " + headers.get("Content-Encoding"));
        }
        if (chance(0.05)) {
            headers.put("Expect", pick("100-continue", "bogus"));
            notes.add("expect");
        }
        if (chance(0.05)) {
            headers.put("Range", pick("bytes=0-1", "bytes=garbage", "bytes=-1", "lines=1-2"));
            notes.add("range");
        }
        if (chance(0.05)) {
            headers.put("X-Forwarded-For", pick("1.2.3.4", "garbage", ", , ,", "::1, ::1", "999.999.999.999"));
            headers.put("X-Forwarded-Proto", pick("https", "http", "gopher", ""));
            notes.add("forwarded");
        }
        if (chance(0.05)) {
            headers.put("If-Modified-Since", pick("yesterday", "Thu, 01 Jan 1970 00:00:00 GMT", "-1"));
            notes.add("if-modified-since");
        }
        if (chance(0.04)) {
            headers.put("X-Junk", "v" + pick(CONTROL) + "w");
            notes.add("control character in a header");
        }
        if (chance(0.02)) {
            headers.put("X-Long", "z".repeat(pickInt(9_000, 20_000, 70_000)));
            notes.add("long header");
        }
        if (chance(0.02)) {
            headers.put("Accept-Charset", "utf-7");
            headers.put("Accept-Language", pick("xx-YY", "*", "en;q=garbage", "zh-Hant-TW-u-nu-hanidec"));
            notes.add("accept-language");
        }
    }

    // ---- body

    private byte[] body(Routes.Route route, Identity who, boolean validToken, Map<String, String> headers, List<String> notes) {
        boolean api = route.path().startsWith("/api/");
        double kind = random.nextDouble();
        String contentType;
        byte[] body;
        if (kind < 0.1) {
            notes.add("no body");
            return new byte[0];
        } else if (kind < 0.55 && !api || kind < 0.2) {
            contentType = "application/x-www-form-urlencoded";
            body = form(route, who, validToken, notes).getBytes(StandardCharsets.UTF_8);
        } else if (kind < 0.65) {
            contentType = "multipart/form-data" + pick("", "; boundary=XyZ", "; boundary=", "; boundary=\"a b\"", "; boundary=" + "b".repeat(100));
            body = multipart(route, who, validToken, notes);
            notes.add("multipart " + contentType.substring(19));
        } else if (kind < 0.85 || api) {
            contentType = "application/json";
            body = json(notes).getBytes(StandardCharsets.UTF_8);
        } else {
            contentType = pick("text/plain", "application/octet-stream", "application/xml");
            body = bytes(notes);
        }
        if (chance(0.12)) {
            contentType = pick("application/x-www-form-urlencoded; charset=bogus", "application/x-www-form-urlencoded; charset=utf-16",
                    "application/x-www-form-urlencoded; charset=\"", "multipart/form-data", "multipart/mixed; boundary=q", "text/html; charset=utf-32",
                    "application/json; charset=latin1", "garbage", "/", ";;;", "application/x-www-form-urlencoded;;charset=utf-8;",
                    "application/json; charset=\u00e9", "x".repeat(500));
            notes.add("content-type " + abbreviate(contentType));
        }
        if (chance(0.95)) headers.put("Content-Type", contentType);
        return body;
    }

    private String form(Routes.Route route, Identity who, boolean validToken, List<String> notes) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (chance(0.85)) fields.put("_csrf", validToken ? who.csrfToken() : junk(notes, "csrf field"));
        String path = route.path();
        if (path.contains("exercises")) {
            List<String> names = site.exerciseAnswers().values().stream().flatMap(List::stream).distinct().toList();
            for (String name : names) if (chance(0.5)) fields.put("answer_" + name, answer(notes));
        }
        if (path.contains("sign")) {
            fields.put("username", chance(0.5) ? "fuzz" + random.nextInt(1_000_000) : junk(notes, "username"));
            fields.put("password", chance(0.5) ? "a long enough password" : junk(notes, "password"));
            if (chance(0.7)) fields.put("displayName", junk(notes, "display name"));
            if (chance(0.3)) fields.put("next", pick("/", "//evil.example", "/\t/evil", "javascript:alert(1)", "%ZZ", "/lessons/likelihood"));
        }
        if (path.contains("complete")) fields.put("completed", pick("true", "false", "", "maybe", "\u0000"));
        StringBuilder b = new StringBuilder();
        for (var e : fields.entrySet()) {
            if (b.length() > 0) b.append('&');
            b.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        if (chance(0.12)) {
            b.append(pick("&%ZZ=1", "&a=%", "&=&=&", "&&&", "&a=%C3", "&a=%00", "&" + "k=v&".repeat(3000), "&x=" + "%41".repeat(70_000),
                    "&answer_theta=%E2%80%AE1", "&_csrf=1&_csrf=2", "&a=%uD800"));
            notes.add("odd form encoding");
        }
        return b.toString();
    }

    /** What a learner (or an attacker) might type into an answer box. */
    private String answer(List<String> notes) {
        if (chance(0.3)) return pick("0.5", "1", "0", "-1", "3, 4", "[0.2, 0.3]", "k/n", "0.3, 0.6", "2.5", "sum_x / n");
        String a = pick("()", "{}", "[]", "(())", "((()))", "[()]", "( )", "(" + repeat(pick(CONTROL), 497) + "1)",
                "(" + repeat("\u001c", 497) + "1)", "1".repeat(600), " ".repeat(2000) + "1", "NaN", "Infinity", "-Infinity", "1e309", "-0",
                "0x10", "1,5", "\u0661", "\u00bd", "\ud83d\ude00", "\u0000", "%", "sqrt(-1)", "log(0)", "1/0", "0/0",
                "(".repeat(3000) + "1" + ")".repeat(3000), "2^2^2^2^2^2^2", "x", "pi", "e", "\u03c0", "1 2 3 4 5 6 7 8 9 10 11 12",
                "-".repeat(200) + "1", "!", "5!", "#", "3 % 2", "1" + "+1".repeat(5000), "1e-400", "\"quoted\"", "\\", "<b>x</b>",
                "=1+1", "1;2;3", ", , ,", "sin(", "abs(-1", "1..2", "--1", "+", "*", "()()", "(1)(2)", "[1,2", "1]", "\u202e1",
                repeat("\"", 600), repeat("\\", 600), repeat("\u0001", 300), "exp(1000)", "10^400", "log(-1)", "a".repeat(100_000));
        notes.add("answer " + abbreviate(a));
        return a;
    }

    private byte[] multipart(Routes.Route route, Identity who, boolean validToken, List<String> notes) {
        if (chance(0.5)) return bytes(notes);
        StringBuilder b = new StringBuilder();
        b.append("--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(validToken ? who.csrfToken() : "nope").append("\r\n");
        if (route.path().contains("exercises")) {
            for (String name : site.exerciseAnswers().values().stream().flatMap(List::stream).distinct().toList()) {
                b.append("--XyZ\r\nContent-Disposition: form-data; name=\"answer_").append(name).append("\"\r\n\r\n").append(answer(notes)).append("\r\n");
            }
        }
        if (chance(0.3)) {
            b.append("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .append("z".repeat(pickInt(10, 100_000, 2_000_000))).append("\r\n");
            notes.add("file part");
        }
        if (chance(0.8)) b.append("--XyZ--\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String json(List<String> notes) {
        Supplier<String> data = () -> pick("[1, 0, 1]", "[]", "[1e309]", "[\"a\"]", "[[1, 2], [3]]", "[null]", "{\"x\": [1, 2], \"y\": [3]}",
                "[" + "1,".repeat(120_000) + "1]", "[-1]", "[0.5]", "1", "\"text\"");
        String model = pick("\"bernoulli\"", "\"normal\"", "\"gmm\"", "\"kmeans\"", "\"linear\"", "\"logistic\"", "\"mvnormal\"", "\"categorical\"",
                "\"nope\"", "null", "1", "[]", "\"" + "m".repeat(2000) + "\"");
        String j = pick(
                "{\"model\": " + model + ", \"data\": " + data.get() + "}",
                "{\"model\": " + model + ", \"method\": \"map\", \"data\": " + data.get() + ", \"prior\": {\"alpha\": -1, \"beta\": \"x\"}}",
                "{\"model\": " + model + ", \"data\": " + data.get() + ", \"options\": {\"k\": " + pick("0", "11", "-1", "1e9", "\"two\"", "2")
                        + ", \"iterations\": " + pick("0", "-5", "1e12", "100") + ", \"init\": " + pick("\"random\"", "{}", "[]", "{\"means\": [1]}") + "}}",
                "{\"model\": " + model + ", \"parameters\": {\"p\": 2, \"mean\": \"x\"}, \"n\": " + pick("0", "-1", "1e9", "10001", "5", "1.5")
                        + ", \"seed\": " + pick("1", "1e30", "\"s\"", "-1") + ", \"decimals\": " + pick("3", "11", "-1", "1.5") + "}",
                "{", "}", "[", "null", "true", "1", "\"s\"", "{\"model\": NaN}", "{\"a\":1,}", "{'model': 'bernoulli'}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"model\": \"bernoulli\", \"data\": [1, 0], \"options\": {\"curve\": {\"parameter\": \"p\", \"from\": 1, \"to\": 0, \"points\": 1e9}}}",
                "\ufeff{\"model\": \"bernoulli\", \"data\": [1]}", "{\"model\": \"bernoulli\", \"data\": [1], \"model\": \"normal\"}");
        notes.add("json " + abbreviate(j));
        return j;
    }

    private byte[] bytes(List<String> notes) {
        int n = pickInt(0, 1, 17, 1000, 70_000, 1_500_000);
        byte[] b = new byte[n];
        random.nextBytes(b);
        notes.add(n + " random bytes");
        return b;
    }

    // ---- framing: Content-Length, chunked, both, lies

    private byte[] frame(Map<String, String> headers, byte[] body, List<String> notes) {
        double f = random.nextDouble();
        if (f < 0.7) {
            if (body.length > 0 || chance(0.5)) headers.put("Content-Length", String.valueOf(body.length));
            return body;
        }
        if (f < 0.78) {
            headers.put("Transfer-Encoding", "chunked");
            notes.add("chunked");
            return chunked(body);
        }
        if (f < 0.84) {
            headers.put("Transfer-Encoding", "chunked");
            String bad = pick("zz\r\nabc\r\n0\r\n\r\n", "5\r\nab\r\n0\r\n\r\n", "3\r\nabc", "-1\r\nx\r\n0\r\n\r\n", "ffffffffffffffff\r\nx\r\n",
                    "3;ext=\u0001\r\nabc\r\n0\r\n\r\n", "0\r\nTrailer: \u0000\r\n\r\n", "\r\n\r\n", "3\nabc\n0\n\n");
            notes.add("malformed chunked " + abbreviate(bad));
            return bad.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (f < 0.9) {
            headers.put("Content-Length", String.valueOf(body.length + pickInt(1, 10, 1000, 100_000)));
            notes.add("body shorter than Content-Length");
            return body;
        }
        if (f < 0.94) {
            String cl = pick("-1", "abc", "99999999999999999999", "1, 2", " 5", "0x10", "", "2147483648");
            headers.put("Content-Length", cl);
            notes.add("content-length " + cl);
            return body;
        }
        if (f < 0.97) {
            headers.put("Content-Length", String.valueOf(body.length));
            headers.put("Transfer-Encoding", pick("chunked", "gzip, chunked", "identity", "bogus"));
            notes.add("content-length and transfer-encoding " + headers.get("Transfer-Encoding"));
            return headers.get("Transfer-Encoding").endsWith("chunked") ? chunked(body) : body;
        }
        headers.put("Content-Length", String.valueOf(Math.max(0, body.length - 1)));
        notes.add("body longer than Content-Length");
        return body;
    }

    private byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int n = Math.min(body.length - i, 1 + random.nextInt(4096));
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            i += n;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    // ---- helpers

    private String junk(List<String> notes, String what) {
        String j = pick("", " ", "x", "\u0000", "\u202eevil", "a".repeat(2000), "<script>alert(1)</script>", "%ZZ", "' OR 1=1 --",
                "\ud800", "\ufeff", "\t\n", "é" + "\u0301".repeat(50), "Ada\u0007", "\uffff", "null", "=HYPERLINK(\"x\")", repeat(pick(CONTROL), 20));
        notes.add(what + " " + abbreviate(j));
        return j;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private int pickInt(int... options) {
        return options[random.nextInt(options.length)];
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 30) + "…(" + s.length() + " chars)" : s;
        StringBuilder out = new StringBuilder();
        for (char c : shown.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
