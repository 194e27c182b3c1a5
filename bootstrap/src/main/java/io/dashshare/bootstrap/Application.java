package io.dashshare.bootstrap;

import io.dashshare.bootstrap.config.ServiceConfig;

/** {@code java -jar sharing-service.jar}: configuration comes from the environment (README.md#configuration). */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        SharingLauncher.RunningService service;
        try {
            service = SharingLauncher.launch(ServiceConfig.fromEnvironment(), System.out);
        } catch (RuntimeException e) {
            // A refused configuration is an operator's problem to fix: say what, not where in our code.
            System.err.println("The sharing service cannot start: " + rootMessage(e));
            System.exit(1);
            return;
        }
        // SIGTERM closes the service through the hook the launcher registered (server, context, then database).
        System.out.println("Sharing service listening on port " + service.port());
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
