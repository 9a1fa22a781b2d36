package th.integrity.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for every servlet (Spring MVC) service — from its controllers, from {@code /error}, from Spring
 * Security's firewall and from Tomcat itself for requests refused before the application — and a MongoDB client
 * that gives up on an unreachable server quickly, so that such a request is answered 503 within seconds instead
 * of hanging for the driver's default 30 s.
 */
// Before Boot's error configuration too, whose BasicErrorController steps aside for ProblemErrorController.
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler")
public class ProblemDetailsAutoConfiguration {

    /**
     * Exceptions (anywhere in the cause chain) that mean a dependency is down, where on the class path. An
     * uncategorized data-access error is the store failing a command for its own reasons (the embedded server's
     * file store closed after running out of memory, in a benchmark): the request may succeed later, so 503.
     */
    private static final List<String> UNAVAILABLE = List.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.UncategorizedDataAccessException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException");

    /** Bodies are read strictly, so that a wrong type is a 400 naming the field rather than a guess. */
    @Bean
    JsonMapperBuilderCustomizer strictJsonCoercion() {
        return StrictJson.customizer();
    }

    /** JSON bodies must be well-formed UTF-8: Jackson's own decoding lets overlong forms through. */
    @Bean
    StrictUtf8Bodies strictUtf8Bodies() {
        return new StrictUtf8Bodies();
    }

    /** The whole query string must be UTF-8, read or not: before security and every other filter but encoding. */
    @Bean
    FilterRegistrationBean<Utf8QueryFilter> utf8QueryFilter(ObjectProvider<JsonMapper> json) {
        var registration = new FilterRegistrationBean<>(new Utf8QueryFilter(json.getIfAvailable(JsonMapper::shared)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<ValidatorFactory> validators,
            MessageSource messageSource, @Value("${integrity.problems.retry-after:5s}") Duration retryAfter) {
        // Boot's validator resolves {keys} through the message source in the locale asked for.
        MessageInterpolator interpolator = validators.getIfAvailable(
                () -> Validation.byDefaultProvider().configure().buildValidatorFactory()).getMessageInterpolator();
        return new ProblemDetailsAdvice(new ViolationMessages(interpolator, messageSource), retryAfter,
                unavailableTypes());
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>> unavailableTypes() {
        List<Class<? extends Throwable>> types = new ArrayList<>();
        ClassLoader loader = ProblemDetailsAutoConfiguration.class.getClassLoader();
        for (String name : UNAVAILABLE) {
            if (ClassUtils.isPresent(name, loader)) {
                types.add((Class<? extends Throwable>) ClassUtils.resolveClassName(name, loader));
            }
        }
        return types;
    }

    /** {@code /error} as problem details: what filters refuse with {@code sendError}, or fail with. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.webmvc.error.ErrorController")
    static class ErrorProblems {

        @Bean
        @ConditionalOnMissingBean(ErrorController.class)
        ProblemErrorController problemErrorController(ObjectProvider<ErrorAttributes> errorAttributes,
                ObjectProvider<JsonMapper> json) {
            return new ProblemErrorController(errorAttributes.getIfAvailable(), json.getIfAvailable(JsonMapper::shared));
        }
    }

    /** Requests Spring Security's firewall refuses ({@code ;}, {@code //}, {@code %2e%2e}, ...): a 400 problem. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.firewall.RequestRejectedHandler")
    static class FirewallProblems {

        @Bean
        @ConditionalOnMissingBean(RequestRejectedHandler.class)
        ProblemRequestRejectedHandler problemRequestRejectedHandler(ObjectProvider<JsonMapper> json) {
            return new ProblemRequestRejectedHandler(json.getIfAvailable(JsonMapper::shared));
        }
    }

    /** Requests Tomcat refuses itself (malformed or over-long request line or headers, encoded slash): a problem. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory" })
    static class TomcatProblems {

        @Bean
        ProblemReportValveCustomizer problemReportValveCustomizer(ObjectProvider<JsonMapper> json) {
            return new ProblemReportValveCustomizer(json.getIfAvailable(JsonMapper::shared));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer")
    static class MongoFailFast {

        /**
         * Runs before Boot's own customizer (order 0), which applies the connection string: a
         * {@code serverSelectionTimeoutMS} given in {@code MONGODB_URI} still wins over this default.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        MongoClientSettingsBuilderCustomizer integrityMongoServerSelectionTimeout(
                @Value("${integrity.mongodb.server-selection-timeout:3s}") Duration timeout) {
            return settings -> settings.applyToClusterSettings(
                    cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }
}
