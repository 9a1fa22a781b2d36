package th.integrity.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void anExternalUriGetsTheTestDatabase() {
        assertThat(TestInfrastructure.withDatabase("mongodb://a:1,b:2/?replicaSet=rs0", "x"))
                .isEqualTo("mongodb://a:1,b:2/x?replicaSet=rs0");
        assertThat(TestInfrastructure.withDatabase("mongodb://a:1/old", "x")).isEqualTo("mongodb://a:1/x");
        assertThat(TestInfrastructure.withDatabase("mongodb://a:1", "x")).isEqualTo("mongodb://a:1/x");
    }
}
