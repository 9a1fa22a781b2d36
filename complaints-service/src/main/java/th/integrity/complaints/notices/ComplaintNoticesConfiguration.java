package th.integrity.complaints.notices;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;

import th.integrity.platform.notices.NoticeEventErrors;
import th.integrity.platform.notices.NoticeKind;
import th.integrity.platform.notices.NoticeKinds;
import th.integrity.platform.security.Role;

/**
 * The kinds of notice complaints-service sends (docs/complaints.md, "Notices"); declaring them switches the
 * platform's notices on here. None of them carries anything of the complaint: a mail says that something happened
 * and links to the case page, which only the agency's officers can open.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintNoticesConfiguration {

    static final String COMPLAINT_NEW = "complaint-new";
    static final String REPORTER_NEWS = "reporter-news";
    static final String DEADLINE_SOON = "deadline-soon";
    static final String CASE_OVERDUE = "case-overdue";
    static final String IDENTITY_REQUEST_PENDING = "identity-request-pending";

    @Bean
    NoticeKinds complaintNoticeKinds() {
        return new NoticeKinds("complaints", List.of(
                NoticeKind.of(COMPLAINT_NEW, Role.OFFICER),
                NoticeKind.of(REPORTER_NEWS, Role.OFFICER),
                NoticeKind.of(DEADLINE_SOON, Role.OFFICER),
                NoticeKind.of(CASE_OVERDUE, Role.OFFICER),
                NoticeKind.of(IDENTITY_REQUEST_PENDING, Role.HEAD)));
    }

    /** The notices consumer's failures (the service has no other listener). */
    @Bean
    CommonErrorHandler noticeEventErrors() {
        return NoticeEventErrors.handler();
    }

    static String caseLink(String caseId) {
        return "#/officer/case/" + caseId;
    }
}
