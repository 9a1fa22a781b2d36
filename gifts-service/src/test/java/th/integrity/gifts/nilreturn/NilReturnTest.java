package th.integrity.gifts.nilreturn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.platform.calendar.FiscalCalendar;

class NilReturnTest extends IntegrationTestSupport {

    private HttpResponse<String> nil(String token, Object fiscalYear, String round) {
        return post("/api/gifts/nil-returns", json.writeValueAsString(Map.of("fiscalYear", fiscalYear, "round", round)),
                token);
    }

    @Test
    void aNilReturnIsFiledOncePerRound() {
        String staff = newStaff();
        HttpResponse<String> first = nil(staff, 2568, "H1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(body(first).path("roundTh").asString()).isEqualTo("รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)");

        HttpResponse<String> again = nil(staff, 2568, "H1");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).path("type").asString()).isEqualTo("urn:integrity:problem:gift-nil-return-conflict");
        assertThat(nil(staff, 2568, "FY").statusCode()).isEqualTo(201);
        assertThat(body(get("/api/gifts/nil-returns/mine", staff)).size()).isEqualTo(2);
    }

    @Test
    void aNilReturnAfterADeclarationInTheRoundIsRefused() {
        String staff = TestIssuer.shared().token("u-" + UUID.randomUUID(), AGENCY, "STAFF");
        declare(staff, gift("100.00", "REFUSED", Map.of("offeredOn", "2025-01-15", "disposedOn", "2025-01-15")));

        HttpResponse<String> h1 = nil(staff, 2568, "H1");
        assertThat(h1.statusCode()).isEqualTo(409);
        assertThat(body(h1).path("detail_th").asString()).contains("รายงานการรับของขวัญในรอบนี้แล้ว");
        assertThat(nil(staff, 2568, "FY").statusCode()).isEqualTo(409);
        // The declaration lies in the first half: the previous fiscal year is another round altogether.
        assertThat(nil(staff, 2567, "FY").statusCode()).isEqualTo(201);
    }

    @Test
    void aRoundThatHasNotStartedOrBadInputIsA400() {
        String staff = newStaff();
        int next = FiscalCalendar.fiscalYear(today()) + 1;
        HttpResponse<String> notStarted = nil(staff, next, "H1");
        assertThat(notStarted.statusCode()).isEqualTo(400);
        // The first day in the Buddhist Era in both languages, never as an ISO date.
        assertThat(body(notStarted).at("/errors/0/message_en").asString())
                .endsWith("begins on 1 October " + (next - 1) + " BE").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(body(notStarted).at("/errors/0/message_th").asString()).endsWith("1 ตุลาคม " + (next - 1));
        HttpResponse<String> badRound = nil(staff, 2568, "Q1");
        assertThat(badRound.statusCode()).isEqualTo(400);
        assertThat(body(badRound).at("/errors/0/field").asString()).isEqualTo("round");
        HttpResponse<String> badYear = nil(staff, 2024, "H1");
        assertThat(body(badYear).at("/errors/0/message_th").asString()).contains("ปีงบประมาณ พ.ศ.");
    }
}
