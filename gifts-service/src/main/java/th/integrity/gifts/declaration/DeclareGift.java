package th.integrity.gifts.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Relation;

/**
 * A gift declaration as the form sends it (also the body of a correction). The declarant is not part of it: the
 * token and the staff directory name them. Rules that involve several fields (dates, the reason for keeping,
 * the detail of an "other" occasion) are checked by {@link DeclarationService}.
 *
 * @param offeredOn        the date the gift was offered (Asia/Bangkok), not in the future
 * @param value            estimated value in baht: a JSON number or string, at least 0, at most 2 decimal places
 * @param valuation        how the value was estimated (price tag, receipt, market price, ...)
 * @param acceptanceReason why it was accepted; required when it was kept
 * @param occasionDetail   what the occasion was; required when the occasion is OTHER
 * @param disposedOn       when it was refused, returned, handed over or donated; required unless it was kept
 */
@DeclarationComplete
record DeclareGift(
        @NotNull(message = "{gifts.offeredOn.required}") LocalDate offeredOn,
        @NotNull(message = "{gifts.giver.required}") @Valid GiverInput giver,
        @NotNull(message = "{gifts.kind.required}") GiftKind kind,
        @NotBlank(message = "{gifts.description.required}")
        @Size(max = 2000, message = "{gifts.description.size}") String description,
        @NotNull(message = "{gifts.value.required}")
        @DecimalMin(value = "0.00", message = "{gifts.value.min}")
        @Digits(integer = 12, fraction = 2, message = "{gifts.value.digits}")
        @Schema(type = "string", format = "decimal", example = "3000.00") BigDecimal value,
        @NotBlank(message = "{gifts.valuation.required}")
        @Size(max = 500, message = "{gifts.valuation.size}") String valuation,
        @Size(max = 1000, message = "{gifts.acceptanceReason.size}") String acceptanceReason,
        @NotNull(message = "{gifts.occasion.required}") Occasion occasion,
        @Size(max = 200, message = "{gifts.occasionDetail.size}") String occasionDetail,
        @NotNull(message = "{gifts.disposition.required}") Disposition disposition,
        LocalDate disposedOn) {

    public DeclareGift {
        description = strip(description);
        valuation = strip(valuation);
        acceptanceReason = strip(acceptanceReason);
        occasionDetail = strip(occasionDetail);
    }

    /**
     * @param pendingBusiness whether the giver has business pending with the office (a permit, a contract, a case)
     */
    public record GiverInput(
            @NotBlank(message = "{gifts.giver.name.required}")
            @Size(max = 200, message = "{gifts.giver.name.size}") String name,
            @NotNull(message = "{gifts.giver.type.required}") GiverType type,
            @NotNull(message = "{gifts.giver.relation.required}") Relation relation,
            @NotNull(message = "{gifts.giver.pendingBusiness.required}") Boolean pendingBusiness) {

        public GiverInput {
            name = strip(name);
        }
    }

    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Descriptions and names are personal: never print them. */
    @Override
    public String toString() {
        return "DeclareGift[offeredOn=" + offeredOn + ", kind=" + kind + ", value=" + value + ", occasion="
                + occasion + ", disposition=" + disposition + "]";
    }
}
