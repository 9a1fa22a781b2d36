package th.integrity.platform.notices;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.sweep.SweepLockAutoConfiguration;
import th.integrity.platform.sweep.SweepLocks;

/**
 * Notices, on only in a service that declares its kinds (a {@link NoticeKinds} bean): recipients learned from the
 * tokens, the notices store, the API at {@code /api/<service>/notices} and the mail sender. The mail relay is
 * Spring Boot's {@code spring.mail.*}; with {@code spring.mail.host} empty (or no mail starter) mail is off and the
 * in-app list still works.
 */
@AutoConfiguration(after = SweepLockAutoConfiguration.class, afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration" })
@ConditionalOnClass({ MongoTemplate.class, JavaMailSender.class, WebMvcConfigurer.class })
@ConditionalOnBean({ NoticeKinds.class, MongoTemplate.class, SweepLocks.class })
@EnableConfigurationProperties(NoticesProperties.class)
public class NoticesAutoConfiguration {

    @Bean
    NoticeStore noticeStore(MongoTemplate mongo) {
        return new NoticeStore(mongo);
    }

    @Bean
    RecipientStore noticeRecipientStore(MongoTemplate mongo) {
        return new RecipientStore(mongo);
    }

    @Bean
    NoticeTexts noticeTexts(NoticeKinds kinds, NoticesProperties properties) {
        return new NoticeTexts(kinds, properties);
    }

    @Bean
    NoticeMailer noticeMailer(ObjectProvider<JavaMailSender> sender, Environment environment, NoticeStore store,
            RecipientStore recipients, NoticeTexts texts, NoticesProperties properties, SweepLocks locks,
            ObjectProvider<Clock> clock, MeterRegistry meters) {
        // An empty MAIL_HOST still makes Boot create a sender (the property exists): that is "mail off" here.
        String host = environment.getProperty("spring.mail.host", "");
        JavaMailSender mail = host.isBlank() ? null : sender.getIfAvailable();
        return new NoticeMailer(mail, store, recipients, texts, properties, locks,
                clock.getIfAvailable(Clock::systemUTC), meters);
    }

    @Bean
    Notices notices(NoticeKinds kinds, NoticeStore store, RecipientStore recipients, NoticeMailer mailer,
            NoticesProperties properties, ObjectProvider<Clock> clock) {
        return new Notices(kinds, store, recipients, mailer, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RecipientRecorder noticeRecipientRecorder(RecipientStore store, NoticesProperties properties,
            ObjectProvider<Clock> clock) {
        return new RecipientRecorder(store, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    NoticesController noticesController(NoticeStore store, RecipientStore recipients, RecipientRecorder recorder,
            NoticeKinds kinds) {
        return new NoticesController(store, recipients, recorder, kinds);
    }

    /** The API under the service's own prefix; every signed-in request teaches the recorder its caller. */
    @Bean
    WebMvcConfigurer noticesWebMvc(NoticeKinds kinds, RecipientRecorder recorder) {
        return new WebMvcConfigurer() {
            @Override
            public void configurePathMatch(PathMatchConfigurer configurer) {
                configurer.addPathPrefix("/api/" + kinds.service(),
                        HandlerTypePredicate.forAssignableType(NoticesController.class));
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(recorder);
            }
        };
    }
}
