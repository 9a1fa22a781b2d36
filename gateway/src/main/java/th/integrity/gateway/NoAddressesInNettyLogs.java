package th.integrity.gateway;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reactor Netty starts each of its log lines with the connection: its id, the local and the remote address.
 * On the server side the remote address is the client's, and public intake logs no client address, so the
 * gateway turns that prefix down to the connection id alone ({@code reactor.netty.logChannelInfo=false}).
 * <p>
 * Netty reads the switch once, when its classes load; an environment post-processor runs before the
 * application context creates anything, so it is set in time in production and in tests alike. A value given
 * on the command line ({@code -Dreactor.netty.logChannelInfo=…}) is left alone.
 */
public class NoAddressesInNettyLogs implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.logChannelInfo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
