package th.integrity.gifts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The policy per agency: defaults, overrides of single fields, and start-up refusing a bad value. */
class GiftsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GiftsProperties.class)
    static class Policy {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Policy.class);

    @Test
    void theDefaultIsTheNationalFloorWithTheNoGiftPolicy() {
        runner.run(context -> {
            GiftsProperties.Policy policy = context.getBean(GiftsProperties.class).policyFor("anywhere");
            assertThat(policy.limit()).isEqualByComparingTo("3000.00");
            assertThat(policy.decisionWindowDays()).isEqualTo(30);
            assertThat(policy.everyGiftMustBeDeclared()).isTrue();
        });
    }

    @Test
    void anAgencyOverridesOnlyWhatItNames() {
        runner.withPropertyValues("integrity.gifts.agencies.huaikhwang.name-th=สำนักงานเขตห้วยขวาง",
                "integrity.gifts.agencies.huaikhwang.name-en=Huai Khwang District Office",
                "integrity.gifts.agencies.huaikhwang.policy.limit=1000.00").run(context -> {
                    GiftsProperties properties = context.getBean(GiftsProperties.class);
                    assertThat(properties.policyFor("huaikhwang").limit()).isEqualByComparingTo("1000.00");
                    assertThat(properties.policyFor("huaikhwang").decisionWindowDays()).isEqualTo(30);
                    assertThat(properties.policyFor("wangthonglang").limit()).isEqualByComparingTo("3000.00");
                    assertThat(properties.nameTh("huaikhwang")).isEqualTo("สำนักงานเขตห้วยขวาง");
                });
    }

    @Test
    void badValuesFailStartUpNamingTheProperty() {
        runner.withPropertyValues("integrity.gifts.policy.limit=-1")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("policy.limit"));
        runner.withPropertyValues("integrity.gifts.policy.limit=3000.001")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("policy.limit"));
        runner.withPropertyValues("integrity.gifts.policy.decision-window-days=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("decisionWindowDays"));
        runner.withPropertyValues("integrity.gifts.agencies.x.name-en=X")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("nameTh"));
    }
}
