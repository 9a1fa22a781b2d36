package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static th.integrity.complaints.complaint.ComplaintStatus.CLOSED_WITHOUT_INQUIRY;
import static th.integrity.complaints.complaint.ComplaintStatus.CONCLUDED_WITHOUT_CAUSE;
import static th.integrity.complaints.complaint.ComplaintStatus.CONCLUDED_WITH_CAUSE;
import static th.integrity.complaints.complaint.ComplaintStatus.FORWARDED;
import static th.integrity.complaints.complaint.ComplaintStatus.RECEIVED;
import static th.integrity.complaints.complaint.ComplaintStatus.UNDER_INVESTIGATION;
import static th.integrity.complaints.complaint.ComplaintStatus.UNDER_REVIEW;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * The unit tier: every move between two of the seven states, allowed or refused, and the particulars a move
 * needs, without Spring, MongoDB or Kafka. The table is written out here, apart from {@link ComplaintStatus#next()}.
 */
class TransitionRulesTest {

    /** The moves an officer may make (docs/complaints.md, "States, moves and deadlines"); everything else is refused. */
    private static final Map<ComplaintStatus, Set<ComplaintStatus>> ALLOWED = Map.of(
            RECEIVED, EnumSet.of(UNDER_REVIEW, CLOSED_WITHOUT_INQUIRY),
            UNDER_REVIEW, EnumSet.of(FORWARDED, UNDER_INVESTIGATION, CLOSED_WITHOUT_INQUIRY),
            FORWARDED, EnumSet.of(UNDER_INVESTIGATION, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE,
                    CLOSED_WITHOUT_INQUIRY),
            UNDER_INVESTIGATION, EnumSet.of(FORWARDED, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE,
                    CLOSED_WITHOUT_INQUIRY),
            CONCLUDED_WITH_CAUSE, EnumSet.noneOf(ComplaintStatus.class),
            CONCLUDED_WITHOUT_CAUSE, EnumSet.noneOf(ComplaintStatus.class),
            CLOSED_WITHOUT_INQUIRY, EnumSet.noneOf(ComplaintStatus.class));

    private static final Predicate<String> BODIES = Set.of("NACC", "PACC")::contains;

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ComplaintStatus.values())
                .flatMap(from -> Arrays.stream(ComplaintStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void eachMoveIsAllowedExactlyWhenTheTableSaysSo(ComplaintStatus from, ComplaintStatus to) {
        // With exactly the particulars the target needs, so only the move itself decides.
        ClosureReason closure = to == CLOSED_WITHOUT_INQUIRY ? ClosureReason.values()[0] : null;
        String body = to == FORWARDED ? "NACC" : null;

        if (ALLOWED.get(from).contains(to)) {
            assertThatCode(() -> TransitionRules.check(from, to, closure, body, BODIES)).doesNotThrowAnyException();
        } else {
            ProblemException refused = catchThrowableOfType(ProblemException.class,
                    () -> TransitionRules.check(from, to, closure, body, BODIES));
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(refused.getBody().getType()).hasToString("urn:integrity:problem:illegal-transition");
            assertThat(refused.getBody().getDetail()).startsWith("A case that is \"" + from.labelEn() + "\" cannot move to \"" + to.labelEn() + "\"")
                    .doesNotContain(from.name());
            assertThat((String) refused.getBody().getProperties().get(ProblemType.DETAIL_TH))
                    .contains(from.labelTh()).contains(to.labelTh());
        }
    }

    @Test
    void theTableCoversEveryStateAndFinalStatesGoNowhere() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(ComplaintStatus.values());
        for (ComplaintStatus status : ComplaintStatus.values()) {
            assertThat(status.isFinal()).as(status.name()).isEqualTo(ALLOWED.get(status).isEmpty());
        }
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> TransitionRules.check(CONCLUDED_WITH_CAUSE, UNDER_REVIEW, null, null, BODIES));
        assertThat(refused.getBody().getDetail()).contains("the case is concluded and moves no more");
    }

    @Test
    void closingWithoutInquiryNeedsAClosureReason() {
        assertThat(fields(() -> TransitionRules.check(RECEIVED, CLOSED_WITHOUT_INQUIRY, null, null, BODIES)))
                .containsExactly("closureReason");
    }

    @Test
    void aClosureReasonComesOnlyWithClosingWithoutInquiry() {
        for (ComplaintStatus to : List.of(UNDER_INVESTIGATION, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE)) {
            assertThat(fields(() -> TransitionRules.check(FORWARDED, to, ClosureReason.values()[0], null, BODIES)))
                    .as(to.name()).containsExactly("closureReason");
        }
    }

    @Test
    void forwardingNeedsAKnownBody() {
        for (String body : Arrays.asList(null, "", "nacc", "NACC ", "UNKNOWN")) {
            assertThat(fields(() -> TransitionRules.check(UNDER_REVIEW, FORWARDED, null, body, BODIES)))
                    .as(String.valueOf(body)).containsExactly("forwardedTo");
        }
        assertThatCode(() -> TransitionRules.check(UNDER_INVESTIGATION, FORWARDED, null, "PACC", BODIES))
                .doesNotThrowAnyException();
    }

    @Test
    void aBodyComesOnlyWithForwarding() {
        assertThat(fields(() -> TransitionRules.check(RECEIVED, UNDER_REVIEW, null, "NACC", BODIES)))
                .containsExactly("forwardedTo");
    }

    @Test
    void everyMisplacedParticularIsNamedAtOnceInBothLanguages() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> TransitionRules.check(UNDER_REVIEW, CLOSED_WITHOUT_INQUIRY, null, "NACC", BODIES));

        assertThat(problem.getStatusCode().value()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<FieldProblem> errors = (List<FieldProblem>) problem.getBody().getProperties().get(ProblemType.ERRORS);
        assertThat(errors).extracting(FieldProblem::field).containsExactly("closureReason", "forwardedTo");
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.messageEn()).isNotBlank().doesNotContain("complaints.");
            assertThat(error.messageTh()).isNotBlank().isNotEqualTo(error.messageEn());
        });
    }

    private static List<String> fields(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, call);
        assertThat(problem.getStatusCode().value()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<FieldProblem> errors = (List<FieldProblem>) problem.getBody().getProperties().get(ProblemType.ERRORS);
        return errors.stream().map(FieldProblem::field).toList();
    }
}
