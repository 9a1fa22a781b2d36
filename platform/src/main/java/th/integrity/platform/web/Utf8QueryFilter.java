package th.integrity.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query string must be percent-encoded UTF-8, all of it, whether or not the endpoint reads the parameter: Tomcat
 * decodes parameters only when one is first read, so {@code ?agency=%ff} was a 500 where it was read and silently
 * ignored where it was not. Checked before anything else runs (security included), from the raw query string:
 * every {@code %} starts two hex digits and the decoded bytes are well-formed UTF-8 (overlong forms, surrogates and
 * stray bytes refused by the JDK's decoder). A 400 problem otherwise; the value is neither echoed nor logged.
 */
class Utf8QueryFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Utf8QueryFilter.class);

    private final JsonMapper json;

    Utf8QueryFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || isUtf8(query)) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("Refused a query string that is not percent-encoded UTF-8");
        Text detail = Texts.get("platform.query-string.not-utf8");
        RejectedRequestProblems.write(response, ProblemType.BAD_REQUEST.toBody(detail.en(), detail.th()), json);
    }

    /** Whether every percent escape is complete and the decoded bytes are well-formed UTF-8. */
    static boolean isUtf8(String query) {
        byte[] bytes = new byte[query.length()];
        int length = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c > 0x7f) {
                return false; // Tomcat hands the raw target over as ISO-8859-1: a raw byte past ASCII
            } else {
                bytes[length++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
