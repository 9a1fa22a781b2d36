package th.integrity.gifts.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.gifts.GiftsProblems;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.HeadDecisionType;
import th.integrity.gifts.gift.Labelled;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.platform.security.CurrentUser;

/** What the declaration form offers, with Thai and English labels, and the policy in force for the caller. */
@RestController
@Tag(name = "reference", description = "Codes and labels of the declaration form, and the agency's policy")
class ReferenceController {

    private final GiftsProperties properties;

    ReferenceController(GiftsProperties properties) {
        this.properties = properties;
    }

    record Label(String code, String th, String en) {
    }

    /** @param deciderAbove who decides on the declarations of the agency's head, or null when none is configured */
    record Reference(String agency, GiftsProperties.Policy policy, Map<String, List<Label>> codes,
            GiftsProperties.DeciderAbove deciderAbove) {
    }

    @Operation(summary = "Codes and labels (occasions, kinds, relations, dispositions, decisions) and the caller's policy")
    @GetMapping(path = "/api/gifts/reference", produces = MediaType.APPLICATION_JSON_VALUE)
    Reference reference(CurrentUser user) {
        GiftsProblems.requireAgency(user);
        return new Reference(user.agency(), properties.policyFor(user.agency()), Map.of(
                "occasions", labels(Occasion.values()), "kinds", labels(GiftKind.values()),
                "relations", labels(Relation.values()), "giverTypes", labels(GiverType.values()),
                "dispositions", labels(Disposition.values()), "decisions", labels(HeadDecisionType.values()),
                "rounds", labels(Round.values()), "ruleOutcomes", labels(RuleOutcome.values())),
                properties.deciderAbove(user.agency()).orElse(null));
    }

    private static <E extends Enum<E> & Labelled> List<Label> labels(E[] values) {
        return Arrays.stream(values).map(v -> new Label(v.name(), v.labelTh(), v.labelEn())).toList();
    }
}
