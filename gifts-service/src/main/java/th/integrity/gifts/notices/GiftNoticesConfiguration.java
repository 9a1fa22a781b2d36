package th.integrity.gifts.notices;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;

import th.integrity.platform.notices.NoticeEventErrors;
import th.integrity.platform.notices.NoticeKind;
import th.integrity.platform.notices.NoticeKinds;
import th.integrity.platform.security.Role;

/**
 * The kinds of notice gifts-service sends (docs/gifts.md, "Notices"); declaring them switches the platform's notices
 * on here. A mail says that a declaration awaits a decision, or that one was decided, and links to the page where
 * the person signs in to see it: never the gift, its giver, its value or the decision.
 */
@Configuration(proxyBeanMethods = false)
class GiftNoticesConfiguration {

    static final String AWAITING_DECISION = "gift-awaiting-decision";
    static final String DECIDED = "gift-decided";

    @Bean
    NoticeKinds giftNoticeKinds() {
        return new NoticeKinds("gifts", List.of(
                NoticeKind.of(AWAITING_DECISION, Role.HEAD),
                // Whoever declared: staff, and officers or heads who declared a gift of their own.
                NoticeKind.of(DECIDED, Role.STAFF, Role.OFFICER, Role.HEAD)));
    }

    /** The notices consumer's failures (the service has no other listener). */
    @Bean
    CommonErrorHandler noticeEventErrors() {
        return NoticeEventErrors.handler();
    }
}
