package th.integrity.gifts.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *   decider-above:               # who decides the gifts a head of agency declares, unless the agency names its own
 *     agency: bma                # the office above, as the token's agency code of its head
 *     title-th: ปลัดกรุงเทพมหานคร
 *     title-en: Permanent Secretary for the Bangkok Metropolitan Administration
 *   agencies:
 *     wangthonglang:
 *       name-th: สำนักงานเขตวังทองหลาง
 *       name-en: Wang Thonglang District Office
 *       policy: { limit: 1000.00 }     # only what differs from the default
 *       staff: [ { username: staff, name: ..., position: ..., division: FIN } ]
 * </pre>
 *
 * @param policy       the default policy
 * @param agencies     per agency (key: agency code as in the token): names, policy overrides and the staff directory
 * @param deciderAbove the default decider of a head's own declarations (an agency may name its own), or none
 */
@Validated
@ConfigurationProperties("integrity.gifts")
public record GiftsProperties(
        @NotNull @Valid @DefaultValue Policy policy,
        @NotNull @DefaultValue Map<@Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$",
                message = "agency codes are 2 to 40 lower-case letters, digits or hyphens") String, @Valid Agency> agencies,
        @Valid DeciderAbove deciderAbove) {

    /**
     * Who decides on the declarations of {@code agency}'s head (anyone holding the HEAD role there): the agency's own
     * {@code decider-above}, else the default; never the agency itself (a head does not decide her own gifts, nor
     * does a peer she leads), so that case is none.
     */
    public Optional<DeciderAbove> deciderAbove(String agency) {
        Agency settings = agencies.get(agency);
        DeciderAbove above = settings != null && settings.deciderAbove() != null ? settings.deciderAbove() : deciderAbove;
        return Optional.ofNullable(above).filter(a -> !a.agency().equals(agency));
    }

    /** The policy in force for {@code agency}: the default with that agency's overrides applied. */
    public Policy policyFor(String agency) {
        Agency settings = agencies.get(agency);
        return settings == null || settings.policy() == null ? policy : settings.policy().over(policy);
    }

    /** Whether {@code agency} is the office above some agency (by default or named by one). */
    public boolean decidesAboveSome(String agency) {
        return deciderAbove != null && deciderAbove.agency().equals(agency) || agencies.values().stream()
                .anyMatch(a -> a.deciderAbove() != null && a.deciderAbove().agency().equals(agency));
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
     * @param deciderAbove who decides on this agency's head's own declarations, when not the default
     */
    public record Agency(
            @NotBlank @Size(max = 200) String nameTh,
            @NotBlank @Size(max = 200) String nameEn,
            @Valid PolicyOverride policy,
            @NotNull @DefaultValue List<@Valid StaffEntry> staff,
            @Valid DeciderAbove deciderAbove) {
    }

    /**
     * The office above an agency, whose head decides on the gifts the agency's head declares (the head tells her
     * superior, ผู้บังคับบัญชาเหนือขึ้นไป). Its head signs in with the HEAD role and {@code agency} as her agency.
     *
     * @param agency  the office's agency code, as in its head's token (e.g. {@code bma})
     * @param titleTh who decides, in Thai, e.g. ปลัดกรุงเทพมหานคร (shown to the head: "ส่งให้ … วินิจฉัย")
     * @param titleEn the same in English
     */
    public record DeciderAbove(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$",
                    message = "agency codes are 2 to 40 lower-case letters, digits or hyphens") String agency,
            @NotBlank @Size(max = 200) String titleTh,
            @NotBlank @Size(max = 200) String titleEn) {
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
