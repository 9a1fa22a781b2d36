package th.integrity.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's firewall ({@code StrictHttpFirewall}) refuses an address with {@code ;}, {@code //},
 * {@code %2e%2e}, an encoded slash or backslash, or a control character before any filter or controller sees
 * it. Its own handler answers a bare {@code sendError(400)}; this one answers the 400 as problem details
 * directly. Spring Security uses the one {@link RequestRejectedHandler} bean of the context for its filter chain.
 */
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final JsonMapper json;

    ProblemRequestRejectedHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // Expected hostile or broken traffic: not worth more than debug, and never the client's address.
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        RejectedRequestProblems.write(response,
                RejectedRequestProblems.forStatus(HttpStatus.BAD_REQUEST.value()), json);
    }
}
