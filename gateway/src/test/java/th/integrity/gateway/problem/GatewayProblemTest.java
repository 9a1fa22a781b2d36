package th.integrity.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import th.integrity.testkit.BundleParity;
import th.integrity.platform.web.ProblemType;

/**
 * The gateway speaks the services' problem vocabulary: the same type names for the same problems, the same JSON
 * members, titles and details in English and Thai from the bundles. Without Spring.
 */
class GatewayProblemTest {

    /** Problems only the gateway meets, which refine a status the services answer with a type of their own. */
    private static final Set<String> GATEWAY_REFINEMENTS = Set.of("protocol-upgrade-refused", "csrf-token-missing",
            "sign-in-unavailable");

    @Test
    void aProblemTheServicesNameIsNamedTheSameAtTheDoor() throws IllegalAccessException {
        List<ProblemType> shared = platformTypes();
        for (GatewayProblem problem : GatewayProblem.values()) {
            assertThat(problem.type.uri().toString()).as(problem.name()).startsWith(ProblemType.URN_PREFIX);
            List<ProblemType> sameStatus = shared.stream().filter(t -> t.status() == problem.status).toList();
            if (!sameStatus.isEmpty() && !GATEWAY_REFINEMENTS.contains(problem.type.name())) {
                assertThat(sameStatus).as("%s (%s) takes the services' type for %d", problem, problem.type.name(),
                        problem.status.value()).contains(problem.type);
            }
            if (shared.stream().anyMatch(t -> t.name().equals(problem.type.name()))) {
                assertThat(shared).as("%s: a shared name means the shared type", problem).contains(problem.type);
            }
        }
    }

    @Test
    void theJsonMembersAreTheServices() {
        Set<String> services = new LinkedHashSet<>(ProblemType.NOT_FOUND.toBody("d", "ด").keySet());
        services.add("instance");
        for (GatewayProblem problem : GatewayProblem.values()) {
            assertThat(GatewayProblemHandler.body(problem, "/x").keySet()).as(problem.name())
                    .containsExactlyInAnyOrderElementsOf(services)
                    .contains(ProblemType.TITLE_TH, ProblemType.DETAIL_TH);
        }
    }

    @Test
    void everyProblemSaysWhatHappenedInEnglishAndThai() {
        List<String> missing = new ArrayList<>();
        for (GatewayProblem problem : GatewayProblem.values()) {
            for (String text : List.of(problem.type.title(), problem.detail)) {
                if (text == null || text.isBlank() || !text.matches("[\\x20-\\x7E–]+")) {
                    missing.add(problem + " English: " + text);
                }
            }
            for (String text : List.of(problem.type.titleTh(), problem.detailTh)) {
                if (text == null || !text.matches(".*[\\u0E00-\\u0E7F].*")) {
                    missing.add(problem + " Thai: " + text);
                }
            }
        }
        assertThat(missing).isEmpty();
        BundleParity.assertSameKeys("messages");
    }

    private static List<ProblemType> platformTypes() throws IllegalAccessException {
        List<ProblemType> types = new ArrayList<>();
        for (Field field : ProblemType.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
                types.add((ProblemType) field.get(null));
            }
        }
        return types;
    }
}
