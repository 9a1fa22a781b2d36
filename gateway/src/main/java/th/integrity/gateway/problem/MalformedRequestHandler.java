package th.integrity.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import th.integrity.gateway.headers.SecurityHeadersFilter;

/**
 * Answers, as problem details, the requests that never reach Spring: those Netty's HTTP decoder could not read
 * (request line beyond its limit: 414; headers beyond theirs: 431; anything else malformed: 400), and those whose
 * request target Spring cannot turn into a {@link URI} (a raw {@code {}, {@code |}, {@code \}, {@code <}).
 * Reactor Netty answers the first kind itself with an empty body (its {@code HttpServerOperations
 * .sendDecodingFailures} builds a fixed response, with no hook to give it one), and Spring's
 * {@code ReactorHttpHandlerAdapter} the second with an empty 400 before any filter or error handler runs.
 * <p>
 * Placed right after Netty's HTTP codec, it sees each request before Reactor Netty does: a refused one is answered
 * here and the connection closed (the rest of it cannot be trusted to be framed right); everything else passes on
 * untouched. One instance per connection (it remembers that the connection is being closed).
 */
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {

    private final Function<GatewayProblem, byte[]> problems;
    private final boolean secure;
    private boolean refused;

    /** @param secure whether the connection counts as https for HSTS, as {@link SecurityHeadersFilter} decides */
    MalformedRequestHandler(Function<GatewayProblem, byte[]> problems, boolean secure) {
        this.problems = problems;
        this.secure = secure;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            // Whatever follows a refused request on this connection is dropped: it is being closed.
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            GatewayProblem problem = refusal(request);
            if (problem != null) {
                refused = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(response(problem)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Why the request cannot be served, or null when it can. */
    static GatewayProblem refusal(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                return GatewayProblem.URI_TOO_LONG;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return GatewayProblem.HEADER_FIELDS_TOO_LARGE;
            }
            return GatewayProblem.REQUEST_REJECTED;
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException notAUri) {
            return GatewayProblem.REQUEST_REJECTED;
        }
    }

    private FullHttpResponse response(GatewayProblem problem) {
        byte[] body = problems.apply(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status.value()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                // The same defences as every other response: SecurityHeadersFilter cannot run here.
                .set("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY");
        if (secure) {
            response.headers().set("Strict-Transport-Security", SecurityHeadersFilter.STRICT_TRANSPORT_SECURITY);
        }
        return response;
    }
}
