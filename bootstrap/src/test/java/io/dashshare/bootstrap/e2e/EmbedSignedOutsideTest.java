package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.execute;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.info;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.options;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.assertRevenue;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 point 4: a token signed outside our code, as docs/embedding.md tells a customer's
 * backend to sign it, is accepted by the running service: with nimbus-jose-jwt (the doc's Java
 * example, kept identical to the method below) and with Node.js's own crypto (the doc's
 * {@code docs/examples/sign-embed-token.mjs}, run with {@code node}).
 */
class EmbedSignedOutsideTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final String WEST_2025 = "order_date between date '2025-01-01' and date '2025-12-31' and region = 'west'";

    private static Owner owner;
    private static String dashboardId;
    private static String kid;
    private static String secret;

    @BeforeAll
    static void companyWithAKey() {
        owner = Owner.newCompany("hooli");
        dashboardId = owner.salesOverviewId();
        JsonNode key = owner.createEmbedKey();
        kid = key.get("kid").asText();
        secret = key.get("secret").asText();
    }

    @Test
    void a_token_signed_with_nimbus_as_documented_opens_the_embed_routes() throws JOSEException {
        String token = signEmbedToken(kid, secret, owner.companySlug(), dashboardId,
                List.of("period_start", "period_end", "status"), List.of("period_start"),
                Map.of("region", "west"), Duration.ofHours(1));

        assertAcceptedWithItsRules(token);
    }

    @Test
    void a_token_signed_by_the_documented_node_script_opens_the_embed_routes() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH: the Node.js example is not run");
        ProcessBuilder node = new ProcessBuilder("node", DOCS.resolve("examples/sign-embed-token.mjs").toString());
        node.environment().put("EMBED_KID", kid);
        node.environment().put("EMBED_SECRET", secret);
        node.environment().put("COMPANY_SLUG", owner.companySlug());
        node.environment().put("DASHBOARD_ID", dashboardId);
        node.environment().put("ALLOWED_PARAMS", "period_start,period_end,status");
        node.environment().put("REQUIRED_PARAMS", "period_start");
        node.environment().put("FIXED_PARAMS", "{\"region\":\"west\"}");
        node.redirectErrorStream(true);
        Process process = node.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.exitValue()).as(output).isZero();

        assertAcceptedWithItsRules(output);
    }

    @Test
    void the_documentation_shows_exactly_the_code_these_tests_run() throws IOException {
        String doc = Files.readString(DOCS.resolve("embedding.md"));

        String java = block(doc, "java");
        String method = java.substring(java.indexOf("/** kid and secret come from"));
        String thisSource = Files.readString(Path.of("src/test/java/io/dashshare/bootstrap/e2e/EmbedSignedOutsideTest.java"));
        assertThat(stripIndent(thisSource)).contains(stripIndent(method));

        String script = Files.readString(DOCS.resolve("examples/sign-embed-token.mjs"))
                .replace("import { pathToFileURL } from 'node:url';\n", "");
        assertThat(script).contains(block(doc, "js"));
        assertThat(doc).contains("examples/sign-embed-token.mjs");
    }

    /** The documented rules hold for a token signed outside: allowed, required and fixed params. */
    private static void assertAcceptedWithItsRules(String token) {
        Reply info = info(token);
        assertThat(info.status()).as("%s", info).isEqualTo(200);
        assertThat(info.json().at("/dashboard/slug").asText()).isEqualTo("sales-overview");
        assertThat(info.json().at("/company/slug").asText()).isEqualTo(owner.companySlug());

        Reply executed = execute(token, "{\"period_start\": \"2025-01-01\", \"period_end\": \"2025-12-31\"}");
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        assertRevenue(executed, DemoDatabase.totals(WEST_2025));
        assertThat(executed.json().at("/parameters/region").asText()).isEqualTo("west");

        assertThat(values(options(token, "status", "act"))).containsExactly("Active");
        assertError(execute(token, "{\"period_end\": \"2025-12-31\"}"), 400, "SHARE_FILTER_POLICY_VIOLATION");
        assertError(execute(token, "{\"period_start\": \"2025-01-01\", \"region\": \"north\"}"), 403,
                "FILTER_DISABLED_BY_POLICY");
        assertError(options(token, "region", null), 403, "FILTER_DISABLED_BY_POLICY");
        // One flipped character of the signature and the same token is nothing.
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");
        assertError(info(tampered), 401, "TOKEN_INVALID");
    }

    // The method below is docs/embedding.md's Java example, character for character (indentation aside).

    /** kid and secret come from POST /api/v1/embed/keys; keep the secret in your backend. */
    static String signEmbedToken(String kid, String secret, String companySlug, String dashboardId,
                                 List<String> allowedParams, List<String> requiredParams,
                                 Map<String, Object> fixedParams, Duration lifetime) throws JOSEException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("embed+jwt"))
                .keyID(kid)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(companySlug)
                .audience("embed")
                .subject(dashboardId)
                .claim("company", companySlug)
                .claim("allowed_params", allowedParams)
                .claim("required_params", requiredParams)
                .claim("fixed_params", fixedParams)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        // The secret is base64url text: the HMAC key is the 32 bytes it encodes, not the text itself.
        jwt.sign(new MACSigner(Base64.getUrlDecoder().decode(secret)));
        return jwt.serialize();
    }

    private static boolean nodeAvailable() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The first fenced code block of the given language. */
    private static String block(String markdown, String language) {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(m.find()).as("a %s block in the documentation", language).isTrue();
        return m.group(1);
    }

    private static String stripIndent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(line.strip()).append('\n');
        }
        return out.toString();
    }
}
