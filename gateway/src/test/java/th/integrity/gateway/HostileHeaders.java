package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request headers a client (or a proxy in front) may send that must never reach a service: every header known to
 * carry a client address, made-up {@code X-…-IP} names, the same in mixed case and repeated, address-bearing
 * values in harmless-looking headers, cookies, browser fingerprints and routing overrides. Alongside them, the
 * headers the services need, with values that must arrive unchanged.
 */
final class HostileHeaders {

    /** Written into every value below, in one form or another; no service may ever see any of them. */
    static final List<String> ADDRESSES = List.of("203.0.113.77", "2001:db8::77", "198.51.100.23");

    /** The allowlisted headers and their exact values; {@code Authorization} is added per case. */
    static final Map<String, String> NEEDED = Map.of(
            "Accept", "application/json",
            "Accept-Language", "th-TH,th;q=0.9,en;q=0.8",
            "Idempotency-Key", "0f8fad5b-d9cb-469f-a165-70867728950e");

    /**
     * The client's own trace context: sent, never passed on. A service receives the gateway's trace instead (a
     * client-chosen trace id would link the same client's requests), see {@code PublicTraceTest}.
     */
    static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final Map<String, String> CLIENT_TRACE = Map.of(
            "traceparent", "00-" + CLIENT_TRACE_ID + "-00f067aa0ba902b7-01",
            "tracestate", "congo=t61rcWkgMzE",
            "baggage", "reporter=" + ADDRESSES.get(2),
            "b3", CLIENT_TRACE_ID + "-00f067aa0ba902b7-1");

    /** What a service may receive: the allowlist, its own Host, the gateway's User-Agent and body framing. */
    static final Set<String> MAY_ARRIVE = caseless("Accept", "Accept-Language", "Authorization", "Content-Type",
            "Content-Length", "Transfer-Encoding", "Idempotency-Key", "traceparent", "tracestate", "Host",
            "User-Agent");

    private static final List<String> KNOWN = List.of("X-Forwarded-For", "X-Original-Forwarded-For", "Forwarded",
            "Via", "X-Real-IP", "X-Remote-IP", "X-Remote-Addr", "Fastly-Client-IP", "X-Azure-ClientIP",
            "X-Azure-SocketIP", "X-Envoy-External-Address", "X-Envoy-Internal", "True-Client-IP", "CF-Connecting-IP",
            "CF-Connecting-IPv6", "CF-IPCountry", "X-Client-IP", "X-Cluster-Client-IP", "X-Originating-IP", "Client-IP",
            "X-ProxyUser-Ip", "WL-Proxy-Client-IP", "Proxy-Client-IP", "X-Forwarded", "Forwarded-For",
            "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server",
            "X-Forwarded-Ssl", "X-Original-Host", "X-Original-URL", "X-Rewrite-URL", "X-Host", "X-HTTP-Method-Override",
            "X-Appengine-User-IP", "Akamai-Origin-Hop", "X-Amzn-Trace-Id", "X-Request-Id", "X-Correlation-Id",
            "X-Device-Id", "Referer", "Origin", "From", "DNT", "Sec-CH-UA", "Sec-CH-UA-Platform", "Sec-Fetch-Site",
            "Sec-Fetch-Mode", "X-Requested-With", "Pragma", "Cache-Control", "Max-Forwards", "Prefer",
            "Accept-Encoding", "Accept-Charset", "X-Anything", "Foo");

    private static final String[] WORDS = { "client", "remote", "real", "origin", "true", "user", "peer", "edge",
            "cdn", "lb", "proxy", "socket", "public", "visitor", "source", "end" };

    private HostileHeaders() {
    }

    /** How a request's body is framed. */
    enum Body { NONE, LENGTH, CHUNKED }

    /** The cookies of a client without a session: all the gateway's but the session, and others. */
    static final String COOKIES = "tracking=" + "203.0.113.77" + "; XSRF-TOKEN=t; JSESSIONID=2001:db8::77";

    /**
     * A whole request, byte for byte: {@code Host: public.example.go.th}, the hostile {@link #lines}, the
     * {@code extra} lines (credentials), {@code json} as the body framed as asked, and {@code Connection: close}.
     */
    static String request(String method, String target, Body body, String json, String cookies, String xsrf,
            String... extra) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
                .append("Host: public.example.go.th\r\n");
        for (String line : lines((method + target + String.join("", extra)).hashCode(), 24, cookies, xsrf)) {
            request.append(line).append("\r\n");
        }
        for (String line : extra) {
            request.append(line).append("\r\n");
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        switch (body) {
            case LENGTH -> request.append("Content-Type: application/json; charset=UTF-8\r\nContent-Length: ")
                    .append(bytes.length).append("\r\n");
            case CHUNKED -> request.append("Content-Type: application/json; charset=UTF-8\r\n")
                    .append("Transfer-Encoding: chunked\r\n");
            case NONE -> { }
        }
        request.append("Connection: close\r\n\r\n");
        String content = new String(bytes, StandardCharsets.ISO_8859_1);
        return request + switch (body) {
            case LENGTH -> content;
            case CHUNKED -> Integer.toHexString(bytes.length) + "\r\n" + content + "\r\n0\r\n\r\n";
            case NONE -> "";
        };
    }

    /**
     * Header lines ({@code Name: value}) for one request, seeded so a failure can be replayed: each known header,
     * the same again in mixed case with another value (a repeat), {@code count} made-up address headers, the
     * browser's user agent, {@code cookies} and the anti-forgery header {@code xsrf}, and the needed headers.
     */
    static List<String> lines(long seed, int count, String cookies, String xsrf) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (String name : KNOWN) {
            lines.add(name + ": " + value(random));
            lines.add(mixedCase(name, random) + ": " + value(random));
        }
        for (int i = 0; i < count; i++) {
            String made = "X-" + WORDS[random.nextInt(WORDS.length)] + "-" + WORDS[random.nextInt(WORDS.length)]
                    + (random.nextBoolean() ? "-IP" : random.nextBoolean() ? "-Addr" : "-Address");
            lines.add(mixedCase(made, random) + ": " + value(random));
        }
        lines.add("User-Agent: Probe/1.0 (" + ADDRESSES.get(0) + ")");
        // The gateway's own cookies and any other: none is for a service.
        lines.add("Cookie: " + cookies);
        lines.add("X-XSRF-TOKEN: " + xsrf);
        NEEDED.forEach((name, value) -> lines.add(name + ": " + value));
        CLIENT_TRACE.forEach((name, value) -> lines.add(name + ": " + value));
        return lines;
    }

    private static String value(Random random) {
        String address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
        return switch (random.nextInt(5)) {
            case 0 -> address;
            case 1 -> "for=\"[" + ADDRESSES.get(1) + "]\", for=" + address;
            case 2 -> address + ", 10.0.0.1";
            case 3 -> "1.1 p (" + address + ")";
            default -> "https://news.example/?" + address;
        };
    }

    private static String mixedCase(String name, Random random) {
        StringBuilder mixed = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return mixed.toString();
    }

    /**
     * What {@code seen} carried: only the allowlist (besides the test's own {@code X-Stub-*} controls), the
     * service's own host, the gateway's user agent, every needed header with its value unchanged, and no address.
     */
    static void assertOnlyAllowlisted(StubBackend.Received seen, StubBackend backend, String authorization) {
        Set<String> names = caseless(seen.headers().keySet().toArray(String[]::new));
        names.removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("x-stub-"));
        assertThat(names).as("headers %s received", seen.path()).isSubsetOf(MAY_ARRIVE);
        NEEDED.forEach((name, value) -> assertThat(seen.header(name)).as(name).isEqualTo(value));
        assertThat(seen.headers().toString()).as("the client's trace context").doesNotContain(CLIENT_TRACE_ID)
                .doesNotContain("congo");
        if (authorization == null) {
            assertThat(seen.headers()).doesNotContainKey("Authorization");
        } else {
            assertThat(seen.header("Authorization")).isEqualTo(authorization);
        }
        assertThat(seen.header("Host")).as("the service sees its own host")
                .isEqualTo(backend.uri().getAuthority());
        assertThat(seen.header("User-Agent")).isEqualTo("integrity-gateway");
        for (String address : ADDRESSES) {
            assertThat(seen.headers().toString()).doesNotContain(address);
        }
        assertThat(seen.headers().toString()).doesNotContainIgnoringCase("public.example.go.th")
                .doesNotContain("news.example").doesNotContain("Probe");
    }

    private static Set<String> caseless(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
