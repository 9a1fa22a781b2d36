package th.integrity.stats.publication;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where citizens and harvesters reach the publications, under {@code integrity.stats.dcat}.
 *
 * @param publicUrl the public origin of the system (the gateway's address as citizens use it), such as
 *                  {@code https://integrity.example.go.th}: the base of every absolute URL in the DCAT metadata and
 *                  of a publication's links. Required (application.yml defaults it to the development gateway,
 *                  the launcher, compose and Kubernetes set it): this service's own address is internal
 *                  ({@code http://localhost:8083}, {@code http://stats-service:8083}) and no harvester can follow
 *                  it. Never taken from a request: the gateway forwards no {@code X-Forwarded-*} and not the
 *                  client's {@code Host} (docs/gateway.md), so a client cannot choose the links either.
 */
@Validated
@ConfigurationProperties("integrity.stats.dcat")
public record DcatProperties(@NotNull URI publicUrl) {

    @AssertTrue(message = "public-url must be an absolute http(s) URL without query or fragment, "
            + "such as https://integrity.example.go.th")
    public boolean isUsable() {
        if (publicUrl == null) {
            return true;
        }
        String scheme = publicUrl.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && publicUrl.getHost() != null && publicUrl.getRawQuery() == null && publicUrl.getRawFragment() == null
                && publicUrl.getRawUserInfo() == null;
    }

    /** The base of absolute links, without a trailing slash. */
    String base() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
