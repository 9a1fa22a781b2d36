package th.integrity.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/** The framing allowlist and the "answer once" rules of {@link MalformedRequestHandler}, on an embedded channel. */
class MalformedRequestHandlerTest {

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = { "", "Content-Length: 0", "Content-Length: 17", "Transfer-Encoding: chunked",
            "Transfer-Encoding: Chunked", "Transfer-Encoding:  chunked " })
    void plainFramingIsAccepted(String header) {
        assertThat(MalformedRequestHandler.framingRefusal(headers(header))).isNull();
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = { "Transfer-Encoding: gzip", "Transfer-Encoding: identity",
            "Transfer-Encoding: chunked, chunked", "Transfer-Encoding: gzip, chunked",
            "Transfer-Encoding: chunked, identity", "Transfer-Encoding: chunked|Transfer-Encoding: chunked",
            "Transfer-Encoding: chunked|Content-Length: 5", "Content-Length: 5|Content-Length: 5",
            "Content-Length: 5|Content-Length: 7", "Content-Length: +5", "Content-Length: 5, 5", "Content-Length: 0x10",
            "Content-Length: -1", "Content-Length: ", "Transfer-Encoding: " })
    void anyOtherFramingIsRefused(String header) {
        assertThat(MalformedRequestHandler.framingRefusal(headers(header))).isEqualTo(GatewayProblem.AMBIGUOUS_FRAMING);
    }

    @Test
    void aBodyFailingBeforeAnyResponseIsAnsweredOnceAndClosed() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(bytes("POST /api/gifts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\nzz\r\n"));

        assertThat(outbound(channel)).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .containsIgnoringCase("connection: close");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void aBodyFailingBehindAPipelinedRequestStillUnansweredOnlyClosesTheConnection() {
        EmbeddedChannel channel = channel();
        // The first request is whole and not answered yet; the second's body breaks. A 400 written now would be read
        // by the client as the answer to the first request.
        channel.writeInbound(bytes("GET /api/gifts/a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /api/gifts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));

        assertThat(outbound(channel)).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void aResponseSentBeforeItsBodyWasReadClosesTheConnection() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(bytes("POST /api/gifts HTTP/1.1\r\nHost: x\r\nContent-Length: 300\r\n\r\n{\"a\":"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.GATEWAY_TIMEOUT,
                Unpooled.EMPTY_BUFFER));

        assertThat(outbound(channel)).startsWith("HTTP/1.1 504").containsIgnoringCase("connection: close");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void aResponseAfterTheWholeBodyKeepsTheConnection() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(bytes("POST /api/gifts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.EMPTY_BUFFER));

        assertThat(outbound(channel)).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new HttpServerCodec(), new MalformedRequestHandler(
                problem -> ("{\"type\":\"" + problem.type.uri() + "\"}").getBytes(StandardCharsets.UTF_8), false));
    }

    private static HttpHeaders headers(String lines) {
        HttpHeaders headers = new DefaultHttpHeaders(false);
        for (String line : lines.split("\\|")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return headers;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static String outbound(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        for (Object message; (message = channel.readOutbound()) != null;) {
            if (message instanceof ByteBuf buffer) {
                all.append(buffer.toString(StandardCharsets.ISO_8859_1));
            }
            ReferenceCountUtil.release(message);
        }
        return all.toString();
    }
}
