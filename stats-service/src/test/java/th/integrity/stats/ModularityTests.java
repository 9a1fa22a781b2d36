package th.integrity.stats;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * stats-service's feature packages (agency, calendar, gifts, projection, publication, replay, report, table, web)
 * are modules with no cycles between them, each using only what another exposes: the same rule as every service
 * (docs/architecture.md).
 */
class ModularityTests {

    @Test
    void featurePackagesAreModulesWithoutCycles() {
        ApplicationModules.of(StatsApplication.class).verify();
    }
}
