package th.integrity.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * Whatever an instrumentation records, only allowlisted attributes, event names with an exception's type, and a
 * status code leave the process: full URLs with query strings, client addresses, header values, user names,
 * database statements and exception messages quoting a reporter's input never reach the trace backend.
 */
class SpanAllowlistTest {

    private static final String CODE = "1111222233334444";
    private static final String EMAIL = "somchai.reporter@example.com";
    private static final String PHONE = "081-234-5678";
    private static final String NAME = "สมชาย ใจดีมาก";
    private static final String ADDRESS = "203.0.113.77";

    private final InMemorySpanExporter backend = InMemorySpanExporter.create();
    private final SpanAllowlist exporter = new SpanAllowlist(backend);

    @Test
    void keepsOnlyAllowlistedAttributesAndNoMessages() {
        Attributes hostile = Attributes.builder()
                .put("method", "POST").put("status", "201").put("uri", "/api/complaints").put("outcome", "SUCCESS")
                .put("exception", "none").put("messaging.destination.name", "complaints.v1")
                .put("db.mongodb.collection", "complaints")
                .put("http.url", "/api/complaints/track?code=" + CODE + "&email=" + EMAIL)
                .put("url.full", "http://gateway/api/complaints?phone=" + PHONE)
                .put("url.query", "code=" + CODE)
                .put("client.address", ADDRESS).put("net.sock.peer.addr", ADDRESS).put("network.peer.address", ADDRESS)
                .put("http.request.header.x-forwarded-for", ADDRESS).put("user_agent.original", "Probe " + ADDRESS)
                .put("enduser.id", NAME).put("user.name", NAME).put("user.email", EMAIL)
                .put("db.statement", "{find: complaints, filter: {trackingCode: '" + CODE + "'}}")
                .put("db.query.text", "{name: '" + NAME + "'}")
                .put("messaging.message.body", "{\"reporter\":{\"phone\":\"" + PHONE + "\"}}")
                .put(AttributeKey.stringArrayKey("http.request.header.cookie"), List.of("SESSION=" + CODE))
                .build();
        EventData exception = EventData.create(1, "exception", Attributes.builder()
                .put("exception.type", "jakarta.validation.ConstraintViolationException")
                .put("exception.message", "reporter.phone: rejected value [" + PHONE + "]")
                .put("exception.stacktrace", "at ... " + EMAIL).build());
        EventData custom = EventData.create(2, "received", Attributes.of(AttributeKey.stringKey("code"), CODE));

        exporter.export(List.of(span(hostile, List.of(exception, custom),
                StatusData.create(StatusCode.ERROR, "Invalid phone " + PHONE + " for " + NAME))));

        SpanData exported = backend.getFinishedSpanItems().get(0);
        assertThat(exported.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                .containsExactlyInAnyOrder("method", "status", "uri", "outcome", "exception",
                        "messaging.destination.name", "db.mongodb.collection");
        assertThat(exported.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(exported.getEvents()).extracting(EventData::getName).containsExactly("exception", "received");
        assertThat(exported.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.type")))
                .isEqualTo("jakarta.validation.ConstraintViolationException");
        assertThat(exported.getTotalAttributeCount()).isEqualTo(7);
        String everything = exported.getAttributes() + " " + exported.getEvents() + " " + exported.getStatus();
        for (String personal : List.of(CODE, EMAIL, PHONE, NAME, ADDRESS, "Probe", "SESSION")) {
            assertThat(everything).doesNotContain(personal);
        }
        assertThat(exported.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(exported.getName()).isEqualTo("http post /api/complaints");
    }

    private static SpanData span(Attributes attributes, List<EventData> events, StatusData status) {
        return TestSpanData.builder()
                .setSpanContext(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                        TraceFlags.getSampled(), TraceState.getDefault()))
                .setName("http post /api/complaints").setKind(SpanKind.SERVER)
                .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
                .setAttributes(attributes).setEvents(events).setTotalRecordedEvents(events.size())
                .setStatus(status).build();
    }
}
