package th.integrity.stats.agency;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The agencies the statistics know by name: titles of tables and publications use the display name, and the
 * city-wide roll-up lists every one of them as included or missing. An agency code that is not listed still
 * gets statistics; its tables show the code.
 *
 * @param agencies code and display names of each agency
 */
@Validated
@ConfigurationProperties("integrity.stats")
public record AgencyProperties(@Valid @NotNull @DefaultValue List<Agency> agencies) {

    /**
     * @param code   agency code as tokens and events carry it
     * @param nameTh Thai display name, e.g. สำนักงานเขตวังทองหลาง
     * @param nameEn English display name; the code when absent
     */
    public record Agency(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String code,
            @NotBlank String nameTh,
            String nameEn) {
    }
}
