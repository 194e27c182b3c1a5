package io.dashshare.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.SharingLauncher;
import io.dashshare.bootstrap.config.ServiceConfig;
import io.dashshare.client.ApiClient;
import io.dashshare.client.api.AuthApi;
import io.dashshare.client.api.DashboardsApi;
import io.dashshare.client.api.PublicApi;
import io.dashshare.client.api.SharesApi;
import io.dashshare.client.model.CreateShareBody;
import io.dashshare.client.model.DashboardSummaryView;
import io.dashshare.client.model.ExecuteBody;
import io.dashshare.client.model.ExecutionView;
import io.dashshare.client.model.ShareView;
import io.dashshare.client.model.TeamBodiesLogin;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is usable by tools (docs/api.md, "The API describes itself"): the Java
 * client openapi-generator made from it at build time signs in, creates a share and executes it
 * through the public link, against the service itself (embedded PostgreSQL, its demo dashboard).
 */
class ClientFromDocumentTest {

    private static final String EMAIL = "admin@client.test";
    private static final String PASSWORD = "client-test-password-1";
    private static SharingLauncher.RunningService service;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        service = SharingLauncher.launch(new ServiceConfig(Map.of(
                "PORT", Integer.toString(port),
                "SHARING_DATA_DIR", Files.createTempDirectory("sharing-client-test-").toString(),
                "SHARING_ADMIN_EMAIL", EMAIL,
                "SHARING_ADMIN_PASSWORD", PASSWORD)), System.out);
        baseUrl = "http://localhost:" + service.port();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_generated_client_signs_in_creates_a_share_and_executes_it() throws Exception {
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(baseUrl);
        String token = new AuthApi(anonymous).login(new TeamBodiesLogin().email(EMAIL).password(PASSWORD)).getAccessToken();

        ApiClient owner = new ApiClient();
        owner.updateBaseUri(baseUrl);
        owner.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        DashboardSummaryView dashboard = new DashboardsApi(owner).listDashboards().getDashboards().get(0);
        ShareView share = new SharesApi(owner).createShare(dashboard.getId(), new CreateShareBody().name("from the generated client"));
        assertThat(share.getToken()).isNotBlank();
        assertThat(share.getStatus()).isEqualTo("active");

        ExecutionView result = new PublicApi(anonymous).executePublicShare(share.getToken(), new ExecuteBody());
        assertThat(result.getWidgets()).isNotEmpty();
        assertThat(result.getRequestId()).isNotBlank();
    }
}
