package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request without the session cookie (a citizen filing or following a complaint, a script, a reader of published
 * statistics) makes no session: none is created, none is looked up, not even in memory for a moment. Before, every
 * such request had the session store make a session (two random ids and a thread hop) only for Spring Security to
 * find it empty; that was the gateway's largest cost per public request (docs/benchmarks.md, round 5). A request
 * that does carry the session cookie still has its session read, so signed-in users are recognised as before
 * (SignInTest, SharedSessionsTest).
 */
class SessionlessPublicRequestsTest extends IntegrationTestSupport {

    @BeforeEach
    void forgetSessionCalls() {
        clearInvocations(sessions);
    }

    @Test
    void publicRequestsWithoutTheSessionCookieMakeNoSession() throws Exception {
        HttpResponse<String> filed = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Content-Type", "application/json").header("X-Stub-Status", "201")
                .POST(BodyPublishers.ofString("{\"details\":\"เรียกรับเงินค่าใบอนุญาต\"}")));
        assertThat(filed.statusCode()).isEqualTo(201);
        HttpResponse<String> reference = send(HttpRequest.newBuilder(url("/api/complaints/reference")).GET());
        assertThat(reference.statusCode()).isEqualTo(200);
        HttpResponse<String> followed = send(HttpRequest.newBuilder(url("/api/complaints/track/messages"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"trackingCode\":\"1234567890123456\",\"text\":\"เพิ่มเติม\"}")));
        assertThat(followed.statusCode()).isEqualTo(200);
        HttpResponse<String> statistics = send(HttpRequest.newBuilder(url("/api/stats/complaints/wangthonglang/2569")).GET());
        assertThat(statistics.statusCode()).isEqualTo(200);
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/")).GET());
        assertThat(page.statusCode()).isEqualTo(200);

        verify(sessions, never()).createSession();
        verify(sessions, never()).findById(anyString());
        assertThat(filed.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("INTEGRITY_SESSION="));
    }

    @Test
    void cookiesThatAreNotTheSessionCookieMakeNoSessionEither() throws Exception {
        // The anti-forgery cookie alone, look-alike names, a case variant (cookie names are case-sensitive, and the
        // session id resolver reads only the exact name), an empty cookie header.
        for (String cookie : List.of("XSRF-TOKEN=6f1c", "INTEGRITY_SESSION_OLD=abc", "integrity_session=abc",
                "XINTEGRITY_SESSION=abc", "tracking=1; theme=dark")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/complaints/reference"))
                    .header("Cookie", cookie).GET());
            assertThat(answer.statusCode()).as(cookie).isEqualTo(200);
        }
        verify(sessions, never()).createSession();
        verify(sessions, never()).findById(anyString());
    }

    @Test
    void aRequestWithTheSessionCookieStillHasItsSessionRead() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/complaints/reference"))
                .header("Cookie", "INTEGRITY_SESSION=0b8e4c4e-1d0c-4a55-9a43-5f0d1b0c9a77").GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        verify(sessions, atLeastOnce()).findById("0b8e4c4e-1d0c-4a55-9a43-5f0d1b0c9a77");
    }
}
