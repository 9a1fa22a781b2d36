package th.integrity.gifts.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gift policy and the reference data of each agency. A bad value stops start-up naming the property.
 *
 * <pre>
 * integrity.gifts:
 *   policy:                      # every agency not listed below (national floor + Bangkok's No Gift Policy)
 *     limit: 3000.00
 *     decision-window-days: 30
 *     every-gift-must-be-declared: true
 *   agencies:
 *     wangthonglang:
 *       name-th: สำนักงานเขตวังทองหลาง
 *       name-en: Wang Thonglang District Office
 *       policy: { limit: 1000.00 }     # only what differs from the default
 *       staff: [ { username: staff, name: ..., position: ..., division: FIN } ]
 * </pre>
 *
 * @param policy   the default policy
 * @param agencies per agency (key: agency code as in the token): names, policy overrides and the staff directory
 */
@Validated
@ConfigurationProperties("integrity.gifts")
public record GiftsProperties(
        @NotNull @Valid @DefaultValue Policy policy,
        @NotNull @DefaultValue Map<@Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$",
                message = "agency codes are 2 to 40 lower-case letters, digits or hyphens") String, @Valid Agency> agencies) {

    /** The policy in force for {@code agency}: the default with that agency's overrides applied. */
    public Policy policyFor(String agency) {
        Agency settings = agencies.get(agency);
        return settings == null || settings.policy() == null ? policy : settings.policy().over(policy);
    }

    public String nameTh(String agency) {
        Agency settings = agencies.get(agency);
        return settings == null ? agency : settings.nameTh();
    }

    public String nameEn(String agency) {
        Agency settings = agencies.get(agency);
        return settings == null ? agency : settings.nameEn();
    }

    /**
     * @param limit                    the most a gift (or several from one giver on one occasion) from anyone but a
     *                                 relative may be worth, in baht; exactly this much is still allowed
     * @param decisionWindowDays       days from the date offered within which the head must be told, and decide
     * @param everyGiftMustBeDeclared  the No Gift Policy: every gift offered is declared (refused ones and those
     *                                 within the limit too), so every declaration is held to the window and flagged
     *                                 late after it; when false only gifts that need a decision are
     */
    public record Policy(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) @DefaultValue("3000.00") BigDecimal limit,
            @Min(1) @Max(365) @DefaultValue("30") int decisionWindowDays,
            @DefaultValue("true") boolean everyGiftMustBeDeclared) {
    }

    /** Only the fields given replace the default's. */
    public record PolicyOverride(
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal limit,
            @Min(1) @Max(365) Integer decisionWindowDays,
            Boolean everyGiftMustBeDeclared) {

        Policy over(Policy base) {
            return new Policy(limit == null ? base.limit() : limit,
                    decisionWindowDays == null ? base.decisionWindowDays() : decisionWindowDays,
                    everyGiftMustBeDeclared == null ? base.everyGiftMustBeDeclared() : everyGiftMustBeDeclared);
        }
    }

    /**
     * @param nameTh Thai name, e.g. สำนักงานเขตวังทองหลาง (register titles)
     * @param nameEn English name
     * @param policy overrides of the default policy, or none
     * @param staff  the staff directory: who must declare or file a nil return each round
     */
    public record Agency(
            @NotBlank @Size(max = 200) String nameTh,
            @NotBlank @Size(max = 200) String nameEn,
            @Valid PolicyOverride policy,
            @NotNull @DefaultValue List<@Valid StaffEntry> staff) {
    }

    /**
     * @param username the token's {@code preferred_username} (or {@code sub})
     * @param name     full name with title, e.g. นางสาวสมใจ ใจดี
     * @param position position (ตำแหน่ง)
     * @param division division code (ฝ่าย)
     */
    public record StaffEntry(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String position,
            @Size(max = 100) String division) {
    }
}
