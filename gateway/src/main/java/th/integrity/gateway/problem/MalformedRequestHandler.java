package th.integrity.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import th.integrity.gateway.headers.SecurityHeadersFilter;

/**
 * Answers, as problem details, the requests that never reach Spring: those Netty's HTTP decoder could not read
 * (request line beyond its limit: 414; headers beyond theirs: 431; anything else malformed: 400), those whose
 * request target Spring cannot turn into a {@link URI} (a raw {@code {}, {@code |}, {@code \}, {@code <}), and
 * those whose body framing is anything but the two plain forms (see {@link #framingRefusal}).
 * Reactor Netty answers the first kind itself with an empty body (its {@code HttpServerOperations
 * .sendDecodingFailures} builds a fixed response, with no hook to give it one), and Spring's
 * {@code ReactorHttpHandlerAdapter} the second with an empty 400 before any filter or error handler runs.
 * <p>
 * A chunked body can also fail to decode <em>after</em> its request went on to Spring and, through the route, to a
 * service (a bad chunk size, a chunk extension with control characters, a size that overflows). Left to Reactor
 * Netty, that failure is answered twice: Reactor Netty writes its own empty 400 while the gateway, whose proxied
 * request just lost its body, writes its error too, which fails with "Status and headers already sent" and is
 * logged as a 500 at ERROR. Here the failure never reaches Reactor Netty: the client gets one 400 problem (or, when
 * its response has already begun, nothing more) and the connection is closed; Reactor Netty then sees a client
 * that went away mid-body, the path a dropped connection takes, which aborts the request to the service and
 * discards its connection instead of returning it, half-written, to the pool.
 * <p>
 * Placed right after Netty's HTTP codec, it sees each request before Reactor Netty does, and each response head
 * after it: a refused one is answered here and the connection closed (the rest of it cannot be trusted to be
 * framed right); everything else passes on untouched. One instance per connection (it counts that connection's
 * requests and responses, and remembers that it is being closed).
 */
final class MalformedRequestHandler extends ChannelDuplexHandler {

    private final Function<GatewayProblem, byte[]> problems;
    private final boolean secure;
    private boolean refused;
    /** Requests read, response heads written and responses finished on this connection (pipelining included). */
    private long requests;
    private long responsesStarted;
    private long responsesFinished;
    /** Whether the last request read still has body to come. */
    private boolean bodyPending;
    /** Whether the connection closes once the response being written ends. */
    private boolean closeAfterResponse;

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
                refuse(ctx, msg, problem, true);
                return;
            }
            requests++;
            bodyPending = !(msg instanceof LastHttpContent);
        } else if (msg instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                // Mid-body: answer only if no response to this request (or an earlier, pipelined one) is under way.
                boolean nothingWritten = responsesStarted == requests - 1 && responsesFinished == responsesStarted;
                refuse(ctx, msg, GatewayProblem.MALFORMED_BODY, nothingWritten);
                return;
            }
            if (msg instanceof LastHttpContent) {
                bodyPending = false;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            responsesStarted++;
            if (bodyPending && responsesStarted == requests) {
                // Answered before its body was read (a 504 while the client stalls, a service refusing early): the
                // rest of that body, or the next request read as part of it, cannot be told apart any more. Without
                // this, Reactor Netty keeps the connection and the client's next request is swallowed as body bytes,
                // where it waits for ever. RFC 9112 section 9.6: close after the response.
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                closeAfterResponse = true;
            }
        }
        if (msg instanceof LastHttpContent) {
            responsesFinished++;
            if (closeAfterResponse) {
                refused = true;
                ChannelPromise written = promise.unvoid();
                ctx.write(msg, written);
                written.addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg, GatewayProblem problem, boolean answer) {
        refused = true;
        ReferenceCountUtil.release(msg);
        if (answer) {
            ctx.writeAndFlush(response(problem)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
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
        GatewayProblem framing = framingRefusal(request.headers());
        if (framing != null) {
            return framing;
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException notAUri) {
            return GatewayProblem.REQUEST_REJECTED;
        }
    }

    /**
     * The body's framing, by allowlist (RFC 9112 section 6): no framing header (no body), one {@code Content-Length}
     * of digits, or one {@code Transfer-Encoding} that is exactly {@code chunked}. Anything else (another coding,
     * {@code chunked} twice or not last, a length next to it) is read one way here and may be read another way by a
     * proxy in front or a service behind: the request is refused and the connection closed, as RFC 9112 asks.
     * Netty's decoder already fails several of these (two different lengths, obs-fold); this covers what it lets
     * through, such as {@code Transfer-Encoding: gzip}, whose body it takes as empty and whose bytes it would then
     * read as the next request on the connection.
     */
    static GatewayProblem framingRefusal(HttpHeaders headers) {
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (!codings.isEmpty()) {
            boolean plainChunked = codings.size() == 1
                    && HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(codings.get(0).trim());
            return plainChunked && lengths.isEmpty() ? null : GatewayProblem.AMBIGUOUS_FRAMING;
        }
        if (lengths.size() > 1 || lengths.size() == 1 && !DIGITS.matcher(lengths.get(0).trim()).matches()) {
            return GatewayProblem.AMBIGUOUS_FRAMING;
        }
        return null;
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

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
