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
}
