package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

/** Which failures wait without limit and which get the bounded retries before the dead-letter topic. */
class ProjectionBackOffTest {

    private final ProjectionProperties.Retry retry =
            new ProjectionProperties.Retry(3, Duration.ofMillis(500), Duration.ofSeconds(5));

    @Test
    void aMongoOutageIsWaitedOutWithoutLimitAndCappedPauses() {
        var outage = new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("Timed out while waiting for a server"));

        BackOffExecution execution = ProjectionConfiguration.backOffFor(outage, retry).start();

        long pause = 0;
        for (int attempt = 0; attempt < 1000; attempt++) {
            pause = execution.nextBackOff();
            assertThat(pause).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(5000);
        }
        assertThat(pause).isEqualTo(5000);
    }

    @Test
    void otherFailuresUseTheBoundedDefault() {
        assertThat(ProjectionConfiguration.backOffFor(new ListenerExecutionFailedException("x",
                new InvalidEventException("not JSON")), retry)).isNull();
        assertThat(ProjectionConfiguration.backOffFor(new IllegalStateException("bug"), retry)).isNull();
    }
}
