package th.integrity.platform.lifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Ends this process when the development launcher that started it is gone. The launcher stops its
 * children on Ctrl-C or SIGTERM itself; this covers the launcher being killed outright (SIGKILL, a
 * crashed IDE), which would otherwise leave services holding their ports.
 */
public class ParentWatchdog implements DisposableBean {

    /** Set by the launcher on every process it starts. */
    public static final String ENV = "INTEGRITY_PARENT_PID";

    private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);

    private final ScheduledExecutorService timer;

    public ParentWatchdog(long parentPid) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parent-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                log.warn("Launcher process {} is gone; shutting down", parentPid);
                System.exit(0);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
