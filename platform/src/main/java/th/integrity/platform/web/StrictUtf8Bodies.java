package th.integrity.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON body must be well-formed UTF-8 (RFC 8259 §8.1, RFC 3629). Jackson's byte parser decodes leniently: an
 * overlong form such as {@code C0 AE} becomes {@code .}, {@code E0 80 AE} too, and UTF-16 surrogates written as
 * UTF-8 pass — a text would be stored other than as sent, and a check for {@code .} or {@code /} on the bytes
 * would be passed by. The body is checked on its way to the parser with the JDK's own decoder, which reports every
 * malformed sequence ({@link CodingErrorAction#REPORT}); the first one ends the read, which Spring answers as a
 * malformed body (400). Streaming: nothing is buffered but the last incomplete sequence.
 */
@ControllerAdvice
class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        boolean json = type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json"));
        if (!json || (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset()))) {
            return input;
        }
        InputStream checked = new Utf8Checking(input.getBody());
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return checked;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Passes the bytes through unchanged, failing at the first that is not well-formed UTF-8. */
    static final class Utf8Checking extends FilterInputStream {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        /** Bytes not yet decoded: at most the start of one sequence between reads. */
        private final ByteBuffer pending = ByteBuffer.allocate(8192 + 4);
        private final CharBuffer scratch = CharBuffer.allocate(8192);
        private boolean ended;

        Utf8Checking(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, Math.min(length, 8192));
            if (n < 0) {
                end();
                return n;
            }
            pending.put(bytes, offset, n).flip();
            check(false);
            pending.compact();
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be checked too: read them.
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void end() throws IOException {
            if (!ended) {
                ended = true;
                pending.flip();
                check(true);
                scratch.clear();
                if (decoder.flush(scratch).isError()) {
                    throw new MalformedInputException(0);
                }
            }
        }

        private void check(boolean last) throws IOException {
            while (true) {
                scratch.clear();
                CoderResult result = decoder.decode(pending, scratch, last);
                if (result.isError()) {
                    // The message names no byte of the body.
                    throw new MalformedInputException(result.length());
                }
                if (result.isUnderflow()) {
                    return;
                }
            }
        }
    }
}
