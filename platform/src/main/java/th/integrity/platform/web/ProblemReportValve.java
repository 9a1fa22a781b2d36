package th.integrity.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on an error no servlet answered, as problem details instead of Tomcat's HTML page. Tomcat
 * itself refuses some requests before the application: a request line or header beyond
 * {@code server.max-http-request-header-size} (8 KB), a character not allowed in the request target (a raw
 * {@code {}, {@code |}), an encoded slash or backslash, {@code %00}. Those requests are mapped to no web
 * application, so Spring's {@code /error} never runs; this valve, in the host's pipeline, answers them. The status
 * Tomcat chose is kept; nothing of the request, no stack trace and no server name or version is written.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final JsonMapper json;

    /** For Tomcat, should it ever create the valve from its class name ({@code errorReportValveClass}). */
    public ProblemReportValve() {
        this(JsonMapper.shared());
    }

    ProblemReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own: only an error, only once, only if nothing was written and the connection can still take it.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String body = json.writeValueAsString(RejectedRequestProblems.forStatus(status));
            RejectedRequestProblems.decorate(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                // Null means the response was hard-committed already: nothing more can be said.
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body any more: nothing to answer.
        }
    }
}
