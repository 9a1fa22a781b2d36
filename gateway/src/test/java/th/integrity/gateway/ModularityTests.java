package th.integrity.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The gateway's feature packages are modules with no cycles between them, each using only what another
 * exposes: the same rule as every service (docs/architecture.md).
 */
class ModularityTests {

    @Test
    void featurePackagesAreModulesWithoutCycles() {
        ApplicationModules.of(GatewayApplication.class).verify();
    }
}
