package io.dashshare.bootstrap;

import io.dashshare.bootstrap.config.ServiceConfig;

/** {@code java -jar sharing-service.jar}: configuration comes from the environment (PRODUCT.md §2). */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        SharingLauncher.RunningService service = SharingLauncher.launch(ServiceConfig.fromEnvironment(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "sharing-shutdown"));
        System.out.println("Sharing service listening on port " + service.port());
    }
}
