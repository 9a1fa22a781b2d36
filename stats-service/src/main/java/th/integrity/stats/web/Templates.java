package th.integrity.stats.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/**
 * The service's pages and SVGs come from JTE templates ({@code src/main/jte}) that the build compiles into the
 * package of their feature ({@code publication/complaints.jte} becomes a class in
 * {@code th.integrity.stats.publication}), so a template sees its feature's package-private view records.
 * Content type Html: the template compiler routes every {@code ${...}} through {@link MarkupOutput#writeUserContent},
 * so no value reaches the page unescaped, whoever writes the next template.
 */
@Configuration(proxyBeanMethods = false)
public class Templates {

    /** Replaces the starter's engine (default package {@code gg.jte.generated.precompiled}): ours are in the features. */
    @Bean
    TemplateEngine jteTemplateEngine() {
        return engine();
    }

    /** The precompiled templates (also for unit tests, which render without a Spring context). */
    public static TemplateEngine engine() {
        return TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(),
                "th.integrity.stats");
    }

    /** @param template a path under src/main/jte, e.g. {@code publication/complaints.jte} */
    public static String render(TemplateEngine engine, String template, Object model) {
        MarkupOutput out = new MarkupOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
