package th.integrity.local;

/**
 * The local system could not start. The message is written for the developer at the console; the exit code
 * tells scripts why: {@link #SETUP} when nothing was started because of a port, a jar or a directory,
 * {@link #FAILED} when a component started and failed.
 */
public final class LaunchException extends RuntimeException {

    public static final int FAILED = 1;
    public static final int SETUP = 2;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public LaunchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LaunchException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
