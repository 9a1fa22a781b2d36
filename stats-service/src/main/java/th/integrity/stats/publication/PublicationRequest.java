package th.integrity.stats.publication;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What to publish. A first publication names {@code agency}, {@code fiscalYear} and {@code through} (complaints)
 * or {@code round} (gifts); a correction names only {@code supersedes} and {@code reason}, and republishes the
 * same table counted afresh.
 */
record PublicationRequest(
        @Schema(description = "COMPLAINTS (default) or GIFTS", example = "COMPLAINTS") String kind,
        @Schema(example = "wangthonglang") String agency,
        @Schema(description = "Buddhist-Era fiscal year", example = "2568") Integer fiscalYear,
        @Schema(description = "complaints: last month YYYY-MM, ended in Bangkok", example = "2025-03") String through,
        @Schema(description = "gifts: H1 or FY") String round,
        @Schema(description = "correction: id of the current revision it replaces") String supersedes,
        @Schema(description = "correction: why (shown on both revisions), 1–1000 characters") String reason) {
}
