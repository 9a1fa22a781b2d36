package th.integrity.gifts.notices;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationStore;
import th.integrity.gifts.declaration.GiftEventData;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.platform.notices.Notices;
import th.integrity.platform.notices.Recipient;
import th.integrity.platform.security.Role;

/**
 * Reads the service's own topic in its own consumer group ({@value #GROUP}): a declaration that needs a decision
 * tells the heads who decide it (the agency's heads but the declarant; for a head's own gift, the heads of the office
 * configured above the agency), and a decision tells the declarant only. The events name nobody: the declarant and
 * whether she was a head come from this service's store.
 */
@Component
// Off only where another process consumes for this database (the tests' shared context, whose paused-and-resumed
// listener would write notices behind the tests that count every document).
@ConditionalOnProperty(name = "integrity.notices.consume", havingValue = "true", matchIfMissing = true)
class GiftNoticesListener {

    static final String GROUP = "gifts-notices";

    private final Notices notices;
    private final DeclarationStore declarations;
    private final GiftsProperties properties;
    private final JsonMapper json;

    GiftNoticesListener(Notices notices, DeclarationStore declarations, GiftsProperties properties, JsonMapper json) {
        this.notices = notices;
        this.declarations = declarations;
        this.properties = properties;
        this.json = json;
    }

    // From the earliest offset when the group is new (integrity.notices.max-event-age keeps old history unmailed).
    @KafkaListener(id = GROUP, groupId = "${integrity.gifts.notices.consumer-group:" + GROUP + "}",
            topics = "${integrity.gifts.topic.name:gifts.v1}", properties = "auto.offset.reset=earliest")
    void onRecord(ConsumerRecord<String, String> record) {
        JsonNode event = json.readTree(record.value());
        String type = event.path("type").asString("");
        JsonNode data = event.path("data");
        String agency = data.path("agency").asString(null);
        String id = data.path("declarationId").asString(null);
        String time = event.path("time").asString(null);
        if (agency == null || id == null || time != null && !notices.recent(Instant.parse(time))) {
            return;
        }
        if (GiftEventData.DECLARED.equals(type)) {
            declarations.find(agency, id).filter(d -> d.evaluation() != null
                    && d.evaluation().outcome() == RuleOutcome.NEEDS_DECISION && d.decision() == null)
                    .ifPresent(this::awaiting);
        } else if (GiftEventData.DECIDED.equals(type)) {
            declarations.find(agency, id).filter(d -> d.decision() != null).ifPresent(this::decided);
        }
    }

    private void awaiting(Declaration d) {
        String declarant = d.declarant().subject();
        List<Recipient> deciders;
        if (d.declarant().head()) {
            // A head never decides her own gift, nor does anyone she leads: the office above does, when configured.
            deciders = properties.deciderAbove(d.agency()).map(above -> notices.holding(above.agency(), Role.HEAD))
                    .orElse(List.of());
        } else {
            deciders = notices.holding(d.agency(), Role.HEAD);
        }
        deciders = deciders.stream().filter(r -> !r.subject().equals(declarant)).toList();
        notices.send(GiftNoticesConfiguration.AWAITING_DECISION, d.id(), d.agency(), deciders, "#/head");
    }

    private void decided(Declaration d) {
        notices.recipient(d.declarant().subject()).filter(r -> d.agency().equals(r.agency()))
                .ifPresent(declarant -> notices.send(GiftNoticesConfiguration.DECIDED, d.id(), d.agency(),
                        List.of(declarant), "#/staff"));
    }
}
