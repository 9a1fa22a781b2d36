package th.integrity.platform.sweep;

import java.time.Duration;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * The locks that let one replica at a time run a periodic sweep, for sweeps that are not a Spring
 * {@code @Scheduled} method (those take {@code @SchedulerLock} instead): the same lock documents, in the
 * {@value #COLLECTION} collection, through ShedLock's MongoDB provider.
 *
 * <p>A lock document is {@code {_id: <sweep name>, lockUntil, lockedAt, lockedBy: <host name>}}. A replica takes
 * it with one {@code findOneAndUpdate} (upsert on {@code _id}, only where {@code lockUntil <= now}); it holds it
 * until the sweep ends, but at least {@code lockAtLeastFor} (so a quick sweep is not repeated at once by another
 * replica whose schedule runs a little behind) and at most {@code lockAtMostFor} (so a replica that died while
 * sweeping blocks the others only that long). Set {@code lockAtMostFor} well above the longest sweep: a sweep
 * still running when it passes can overlap with another replica's.
 */
public class SweepLocks {

    /** Where the lock documents live, in each service's own database. */
    public static final String COLLECTION = "sweep_locks";

    private final LockingTaskExecutor executor;

    public SweepLocks(LockProvider provider) {
        this.executor = new DefaultLockingTaskExecutor(provider);
    }

    /** The lock of the sweep {@code name}, held at least {@code atLeast} and at most {@code atMost} per run. */
    public Lock lock(String name, Duration atMost, Duration atLeast) {
        if (atLeast.compareTo(atMost) > 0) {
            throw new IllegalArgumentException("lockAtLeastFor " + atLeast + " exceeds lockAtMostFor " + atMost
                    + " for sweep " + name);
        }
        return new Lock(name, atMost, atLeast);
    }

    /** One sweep's lock. */
    public final class Lock {

        private final String name;
        private final Duration atMost;
        private final Duration atLeast;

        private Lock(String name, Duration atMost, Duration atLeast) {
            this.name = name;
            this.atMost = atMost;
            this.atLeast = atLeast;
        }

        /**
         * Runs {@code sweep} if no replica holds this lock, holding it meanwhile.
         *
         * @return whether it ran (false: another replica holds the lock, or held it less than lockAtLeastFor ago)
         */
        public boolean runIfFree(Runnable sweep) {
            try {
                return executor.executeWithLock(() -> {
                    sweep.run();
                    return Boolean.TRUE;
                }, new LockConfiguration(ClockProvider.now(), name, atMost, atLeast)).wasExecuted();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        public String name() {
            return name;
        }
    }
}
