package th.integrity.stats.publication;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import th.integrity.platform.text.Texts;

/**
 * Which codes fold into the columns of the seed layout ({@code format=seed}), under
 * {@code integrity.stats.seed-layout}: the agency's own report has fewer columns than the detailed table, so
 * several channels (telephone and the 1555 hotline) or several outcomes share one. Unset, the columns are those
 * of {@link #defaults()} (docs/statistics.md, "The seed layout").
 *
 * @param channels the channel columns, in order; their codes are channel codes ({@code WEB}, {@code PHONE}…)
 * @param outcomes the ผลการดำเนินการ columns, in order; their codes are outcome codes: progress states
 *                 ({@code FORWARDED}, {@code CONCLUDED_WITH_CAUSE}…) or, once the table counts referrals by
 *                 body, {@code FORWARDED:NACC}, {@code FORWARDED:POLICE}…
 */
@Validated
@ConfigurationProperties("integrity.stats.seed-layout")
public record SeedLayoutProperties(@Valid List<Column> channels, @Valid List<Column> outcomes) {

    /** In a column's codes: every code of the group that no other column names. */
    public static final String REST = "*";

    /**
     * @param labelTh the column's Thai heading
     * @param labelEn its English heading
     * @param codes   the codes it adds up
     */
    public record Column(@NotBlank String labelTh, @NotBlank String labelEn, @NotEmpty List<@NotBlank String> codes) {
    }

    public SeedLayoutProperties {
        channels = channels == null || channels.isEmpty() ? defaults().channels() : List.copyOf(channels);
        outcomes = outcomes == null || outcomes.isEmpty() ? defaults().outcomes() : List.copyOf(outcomes);
    }

    /** The channel columns add up to the month's total only if one of them takes every channel the others do not. */
    @AssertTrue(message = "exactly one channel column must list \"*\" (the channels no other column names), so "
            + "that the channel columns add up to the total")
    public boolean isEveryChannelCounted() {
        return channels.stream().filter(c -> c.codes() != null && c.codes().contains(REST)).count() == 1;
    }

    @AssertTrue(message = "at most one outcome column may list \"*\"")
    public boolean isOneRestOfOutcomes() {
        return outcomes.stream().filter(c -> c.codes() != null && c.codes().contains(REST)).count() <= 1;
    }

    /**
     * The columns of the agency's own report (the seed): the web form, walk-in, letter, telephone with the 1555
     * hotline, and the rest; outcomes: in progress (received, under review, under investigation), referred to
     * another body, with cause, without cause or closed without inquiry.
     */
    public static SeedLayoutProperties defaults() {
        return new SeedLayoutProperties(List.of(
                column("stats.channel.WEB", "WEB"),
                column("stats.channel.WALK_IN", "WALK_IN"),
                column("stats.channel.LETTER", "LETTER"),
                column("stats.channel.PHONE", "PHONE", "HOTLINE_1555"),
                column("stats.seed.channel.other", "TRAFFY_FONDUE", "EMAIL", "OTHER", REST)),
                List.of(
                        column("stats.seed.outcome.in-progress", "RECEIVED", "UNDER_REVIEW", "UNDER_INVESTIGATION"),
                        column("stats.seed.outcome.forwarded", "FORWARDED"),
                        column("stats.seed.outcome.with-cause", "CONCLUDED_WITH_CAUSE"),
                        column("stats.seed.outcome.without-cause", "CONCLUDED_WITHOUT_CAUSE",
                                "CLOSED_WITHOUT_INQUIRY")));
    }

    private static Column column(String key, String... codes) {
        return new Column(Texts.in(Texts.THAI, key), Texts.in(Locale.ENGLISH, key), List.of(codes));
    }
}
