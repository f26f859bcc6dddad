package io.github.dxfailover.local;

import java.util.concurrent.TimeUnit;

/** Stopping the child processes the tests start. */
final class Processes {
    private Processes() {
    }

    /** SIGTERM, then SIGKILL if the process is still there after five seconds. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
