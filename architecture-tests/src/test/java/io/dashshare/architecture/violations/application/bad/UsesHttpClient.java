package io.dashshare.architecture.violations.application.bad;

import java.net.http.HttpClient;

/** In the JDK, yet a network client: an adapter's job. */
public class UsesHttpClient {
    private final HttpClient client = HttpClient.newHttpClient();
}
