package th.integrity.gifts.nilreturn;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import th.integrity.gifts.gift.Round;

/**
 * @param fiscalYear Buddhist-Era fiscal year, e.g. 2568
 * @param round      H1 (1 Oct – 31 Mar) or FY (1 Oct – 30 Sep)
 */
record FileNilReturn(
        @NotNull(message = "{gifts.fiscalYear.required}")
        @Min(value = 2500, message = "{gifts.fiscalYear.range}") @Max(value = 2700, message = "{gifts.fiscalYear.range}")
        Integer fiscalYear,
        @NotNull(message = "{gifts.round.required}") Round round) {
}
