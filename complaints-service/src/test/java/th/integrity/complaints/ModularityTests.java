package th.integrity.complaints;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package under {@code th.integrity.complaints} is an application module (docs/architecture.md):
 * no cycles between them, and none reaches into another's non-public types. No Spring context needed.
 */
class ModularityTests {

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(ComplaintsApplication.class).verify();
    }
}
