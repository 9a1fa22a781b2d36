package th.integrity.gifts;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Every top-level package under {@code th.integrity.gifts} is an application module: no cycles between them, and
 * no module reaches into another's implementation (package-private types, sub-packages). Without Spring.
 */
class ModularityTests {

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(GiftsApplication.class).verify();
    }
}
