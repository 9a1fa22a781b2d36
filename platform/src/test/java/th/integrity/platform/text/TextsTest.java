package th.integrity.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import th.integrity.testkit.BundleParity;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/** The texts every service shows come from the bundles, in both languages, with nothing missing. */
class TextsTest {

    @Test
    void everyPlatformTextExistsInEnglishAndThai() {
        BundleParity.assertSameKeys("platform-messages");
    }

    @Test
    void aTextIsReadInBothLanguagesWithItsArgumentsAsWritten() {
        Text size = Texts.get("platform.size.range", 1000);
        assertThat(size).isEqualTo(new Text("must be between 1 and 1000", "ต้องอยู่ระหว่าง 1 ถึง 1000"));
        assertThat(Texts.in(Locale.forLanguageTag("th-TH"), "problem.not-found.title")).isEqualTo("ไม่พบสิ่งที่ขอ");
    }

    @Test
    void aTextWithoutArgumentsKeepsItsApostrophes() {
        assertThat(Texts.in(Locale.ENGLISH, "platform.request.rejected")).contains("'..'");
    }

    @Test
    void aMissingKeyIsABugNotAKeyShownToAUser() {
        assertThatThrownBy(() -> Texts.get("platform.no-such-text")).isInstanceOf(MissingResourceException.class);
        assertThatThrownBy(() -> new ProblemType("no-such-problem", HttpStatus.BAD_REQUEST))
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void aProblemTypeTakesItsTitlesFromTheBundles() {
        assertThat(ProblemType.UNAVAILABLE.title()).isEqualTo("Service temporarily unavailable");
        assertThat(ProblemType.UNAVAILABLE.titleTh()).isEqualTo("ระบบไม่พร้อมให้บริการชั่วคราว");
    }

    @Test
    void anInvalidRequestNamesEveryFieldInBothLanguages() {
        ProblemException invalid = ProblemException.invalid(FieldProblem.of("page", "platform.page.min"),
                FieldProblem.of("size", "platform.size.range", 50));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().getType()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(invalid.getBody().getDetail()).isEqualTo("Check these fields: Page number, Page size.");
        assertThat(invalid.getBody().getProperties()).containsEntry("detail_th", "กรุณาตรวจสอบข้อมูลต่อไปนี้: หมายเลขหน้า, จำนวนรายการต่อหน้า")
                .containsEntry("errors", List.of(new FieldProblem("page", "must be 0 or more", "ต้องเป็น 0 หรือมากกว่า"),
                        new FieldProblem("size", "must be between 1 and 50", "ต้องอยู่ระหว่าง 1 ถึง 50")));
    }
}
