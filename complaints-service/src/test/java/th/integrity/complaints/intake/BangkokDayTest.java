package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;

/**
 * "Not in the future" is judged by the day in Bangkok: at 00:30 there (17:30 UTC, still the day before in UTC) a
 * reporter's incident date and an officer's letter date of today are accepted, and tomorrow's are refused.
 */
class BangkokDayTest extends IntegrationTestSupport {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void todayInBangkokIsNotTheFutureWhileUtcIsStillYesterday() {
        Instant now = clock.instant();
        ZonedDateTime target = now.atZone(ZoneOffset.UTC).withHour(17).withMinute(30).withSecond(0).withNano(0);
        if (!target.toInstant().isAfter(now)) {
            target = target.plusDays(1);
        }
        clock.advance(Duration.between(now, target.toInstant()));
        LocalDate today = LocalDate.now(clock.withZone(BANGKOK));
        assertThat(today).isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)));

        HttpResponse<String> filed = post("/api/complaints", "application/json", json.writeValueAsString(Map.of(
                "agency", "wangthonglang", "category", "OTHER", "incidentDate", today.toString(),
                "details", "เหตุเกิดเมื่อหัวค่ำวันนี้ที่หน้าสำนักงานเขต ผู้แจ้งส่งเรื่องหลังเที่ยงคืน")));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);

        HttpResponse<String> letter = call("POST", "/api/complaints/cases", Map.of("channel", "LETTER",
                "receivedOn", today.toString(), "category", "MISCONDUCT", "letterRef", "บจ 12/2569",
                "letterDate", today.toString(), "details", "หนังสือร้องเรียนที่ได้รับหลังเที่ยงคืนตามเวลาประเทศไทย"),
                officer("wangthonglang"));
        assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);

        HttpResponse<String> tomorrow = post("/api/complaints", "application/json", json.writeValueAsString(Map.of(
                "agency", "wangthonglang", "category", "OTHER", "incidentDate", today.plusDays(1).toString(),
                "details", "เหตุที่ยังไม่เกิดขึ้น ระบบต้องไม่รับวันที่ในอนาคตตามเวลาประเทศไทย")));
        assertThat(tomorrow.statusCode()).isEqualTo(400);
    }
}
