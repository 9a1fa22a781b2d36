package th.integrity.watchdog;

/** Stands in for a service: runs until something ends its JVM. */
public final class SleepingApp {

    private SleepingApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping app started, watching " + System.getProperty(ParentWatchdog.WATCHING));
        Thread.sleep(Long.MAX_VALUE);
    }
}
