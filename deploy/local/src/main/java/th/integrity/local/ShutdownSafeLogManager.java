package th.integrity.local;

import java.util.logging.LogManager;

/**
 * java.util.logging resets itself in a shutdown hook of its own, which races the launcher's hook: what Kafka logs
 * while it stops would be lost. The launcher installs this manager ({@code java.util.logging.manager}) so that
 * only its own configuration resets logging.
 */
public final class ShutdownSafeLogManager extends LogManager {

    private volatile boolean resetAllowed;

    @Override
    public void reset() {
        if (resetAllowed) {
            super.reset();
        }
    }

    void resetForConfiguration() {
        resetAllowed = true;
        try {
            super.reset();
        } finally {
            resetAllowed = false;
        }
    }
}
