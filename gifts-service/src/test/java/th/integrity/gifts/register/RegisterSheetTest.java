package th.integrity.gifts.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisterSheetTest {

    @Test
    void cellsThatWouldBeFormulasAreNeutralised() {
        assertThat(RegisterSheet.neutralise("=cmd()")).isEqualTo("'=cmd()");
        assertThat(RegisterSheet.neutralise("+1")).isEqualTo("'+1");
        assertThat(RegisterSheet.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(RegisterSheet.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RegisterSheet.neutralise("\t=x")).isEqualTo("'\t=x");
        assertThat(RegisterSheet.neutralise("กระเช้า = ปีใหม่")).isEqualTo("กระเช้า = ปีใหม่");
        assertThat(RegisterSheet.neutralise(null)).isEmpty();
    }

    /** Only the register's lone dash passes as it is (and what starts with no formula character at all). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "-", "0", "12", "4000.00", "ฝ่ายโยธา", "a-b" })
    void inertCellsStayAsTheyAre(String cell) {
        assertThat(RegisterSheet.neutralise(cell)).isEqualTo(cell);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "--1", "- 1", "-1+2", "-A1", "-cmd|' /C calc'!A0",
            "-\t", "=-", "+-", "@-", "-=1", "=1", "+", "@", "=HYPERLINK(\"http://x\")", "-2e3", "-1,5", "\t-",
            "\r=1", "\n=1", "+66 81 234 5678", "-5", "-2568", "-12.50" })
    void everyOtherFormulaStartIsNeutralised(String hostile) {
        assertThat(RegisterSheet.neutralise(hostile)).isEqualTo("'" + hostile);
    }

    @Test
    void divisionsAreNamedNotCoded() {
        assertThat(RegisterSheet.division("FIN")).isEqualTo("ฝ่ายการคลัง");
        assertThat(RegisterSheet.division("WORKS")).isEqualTo("ฝ่ายโยธา");
        assertThat(RegisterSheet.division("ฝ่ายที่ตั้งเอง")).as("a name a token gave stays").isEqualTo("ฝ่ายที่ตั้งเอง");
        assertThat(RegisterSheet.division(null)).isEmpty();
    }
}
