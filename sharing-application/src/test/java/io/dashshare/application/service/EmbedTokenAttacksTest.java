package io.dashshare.application.service;

import static io.dashshare.domain.testing.HandMadeJws.b64;
import static io.dashshare.domain.testing.HandMadeJws.hs256;
import static io.dashshare.domain.testing.HandMadeJws.hs384;
import static io.dashshare.domain.testing.HandMadeJws.withSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.tenant.Company;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/security.md#attack-13 against the embed routes, with tokens made by hand. Every one must be
 * {@code TOKEN_INVALID} and nothing else: no other code, no other exception, no data.
 */
class EmbedTokenAttacksTest {

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private Dashboard sales;
    private String kid;
    private byte[] key;
    private long now;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
        CreatedEmbedKey created = h.embedKeys().create(owner);
        kid = created.key().id().value();
        key = Base64.getUrlDecoder().decode(created.secret());
        now = h.clock().instant().getEpochSecond();
    }

    private String header() {
        return header(Map.of());
    }

    private String header(Map<String, Object> changes) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "embed+jwt");
        header.put("kid", kid);
        header.putAll(changes);
        header.values().removeIf(v -> v == REMOVE);
        return JSONObjectUtils.toJSONString(header);
    }

    private String claims() {
        return claims(c -> { });
    }

    private String claims(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "acme");
        claims.put("aud", "embed");
        claims.put("sub", sales.id().toString());
        claims.put("company", "acme");
        claims.put("allowed_params", List.of("region"));
        claims.put("required_params", List.of());
        claims.put("fixed_params", Map.of());
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("jti", "attack-test");
        change.accept(claims);
        return JSONObjectUtils.toJSONString(claims);
    }

    private static final Object REMOVE = new Object();

    private static Map<String, Object> set(String name, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, value);
        return map;
    }

    private void assertRefusedEverywhere(String token) {
        int ran = h.executor().count();
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> h.embeds().open(token)));
        failures.add(catchThrowable(() -> h.embeds().info(token)));
        failures.add(catchThrowable(() -> h.embeds().execute(token, Map.of())));
        failures.add(catchThrowable(() -> h.embeds().options(token, "region", null)));
        for (Throwable failure : failures) {
            assertThat(failure).as("token %s", token).isInstanceOf(SharingException.class);
            assertThat(((SharingException) failure).code()).as("token %s: %s", token, failure.getMessage())
                    .isEqualTo(ErrorCode.TOKEN_INVALID);
        }
        assertThat(h.executor().count()).as("no SQL ran for token %s", token).isEqualTo(ran);
    }

    @Test
    void the_hand_made_baseline_is_accepted_so_each_refusal_below_is_about_its_one_change() {
        SharedDashboard info = h.embeds().info(hs256(header(), claims(), key));

        assertThat(info.dashboard().id()).isEqualTo(sales.id());
    }

    @Test
    void a_token_signed_with_nimbus_outside_our_code_is_accepted() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(new JOSEObjectType("embed+jwt"))
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("acme")
                .audience("embed")
                .subject(sales.id().toString())
                .claim("company", "acme")
                .claim("allowed_params", List.of("period_start", "period_end"))
                .claim("required_params", List.of("period_start"))
                .claim("fixed_params", Map.of("region", "north"))
                .issueTime(Date.from(h.clock().instant()))
                .expirationTime(Date.from(h.clock().instant().plus(Duration.ofHours(1))))
                .jwtID("customer-backend-1")
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(key));

        String token = jwt.serialize();
        SharedDashboard info = h.embeds().info(token);
        DashboardResult result = h.embeds().execute(token, Map.of("period_start",
                new io.dashshare.domain.filter.RawValue.Str("2025-02-01")));

        assertThat(info.dashboard().id()).isEqualTo(sales.id());
        assertThat(result.widgets()).hasSize(1);
        assertThat(h.executor().boundValues("sum(amount)")).containsSubsequence(
                java.time.LocalDate.parse("2025-02-01"), "north");
    }

    @Test
    void nimbus_with_a_list_audience_is_accepted_too() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
                .type(new JOSEObjectType("embed+jwt")).build(),
                new JWTClaimsSet.Builder().issuer("acme").audience(List.of("embed", "other")).subject(sales.id().toString())
                        .claim("company", "acme").issueTime(Date.from(h.clock().instant()))
                        .expirationTime(Date.from(h.clock().instant().plusSeconds(60))).jwtID("j").build());
        jwt.sign(new MACSigner(key));

        assertThat(h.embeds().info(jwt.serialize())).isNotNull();
    }

    @Test
    void expiry_has_a_leeway_of_at_most_sixty_seconds() {
        long leeway = h.settings().tokens().leeway().toSeconds();
        assertThat(leeway).isLessThanOrEqualTo(60);

        assertThat(h.embeds().info(hs256(header(), claims(c -> c.put("exp", now - leeway + 1)), key))).isNotNull();
        assertRefusedEverywhere(hs256(header(), claims(c -> c.put("exp", now - leeway)), key));
    }

    @TestFactory
    Stream<DynamicTest> every_attack_is_token_invalid_and_nothing_else() {
        byte[] attackerKey = new byte[32];
        java.util.Arrays.fill(attackerKey, (byte) 7);
        String jwk = "{\"kty\":\"oct\",\"k\":\"" + b64(attackerKey) + "\"}";
        String validToken = hs256(header(), claims(), key);
        String[] valid = validToken.split("\\.");
        Map<String, String> attacks = new LinkedHashMap<>();

        attacks.put("alg none, no signature", b64(header(set("alg", "none"))) + "." + b64(claims()) + ".");
        for (String none : List.of("none", "None", "NoNe", "NONE")) {
            attacks.put("alg " + none + " with our signature", hs256(header(set("alg", none)), claims(), key));
        }
        attacks.put("alg HS384 signed HS384", hs384(header(set("alg", "HS384")), claims(), key));
        attacks.put("alg HS512 header", hs256(header(set("alg", "HS512")), claims(), key));
        attacks.put("alg RS256 header, HMAC signature", hs256(header(set("alg", "RS256")), claims(), key));
        attacks.put("alg ES256 header", hs256(header(set("alg", "ES256")), claims(), key));
        attacks.put("alg missing", hs256(header(set("alg", REMOVE)), claims(), key));
        attacks.put("alg as array", hs256(header(set("alg", List.of("HS256"))), claims(), key));
        attacks.put("psychic signature MAYCAQACAQA", withSignature(header(set("alg", "ES256")), claims(), "MAYCAQACAQA"));
        attacks.put("psychic signature on HS256", withSignature(header(), claims(), "MAYCAQACAQA"));
        attacks.put("signature of zeros", withSignature(header(), claims(), b64(new byte[32])));
        attacks.put("truncated signature", valid[0] + "." + valid[1] + "." + valid[2].substring(0, 20));
        attacks.put("jwk header with the attacker's key", hs256(header(set("jwk", jwk)), claims(), attackerKey));
        attacks.put("jku header", hs256(header(set("jku", "https://attacker.example/jwks.json")), claims(), attackerKey));
        attacks.put("x5u header", hs256(header(set("x5u", "https://attacker.example/cert.pem")), claims(), attackerKey));
        attacks.put("kid ../../dev/null, empty key", hs256(header(set("kid", "../../dev/null")), claims(), new byte[0]));
        attacks.put("kid SQL injection", hs256(header(set("kid", "' OR '1'='1")), claims(), "secret".getBytes()));
        attacks.put("kid unknown", hs256(header(set("kid", "AAAAAAAAAAAAAAAA")), claims(), key));
        attacks.put("kid missing", hs256(header(set("kid", REMOVE)), claims(), key));
        attacks.put("kid a number", hs256(header(set("kid", 1)), claims(), key));
        attacks.put("signed with 'secret'", hs256(header(), claims(), "secret".getBytes()));
        attacks.put("signed with an empty key", hs256(header(), claims(), new byte[0]));
        attacks.put("signed with the share-access key", hs256(header(), claims(), h.shareAccessKey()));
        attacks.put("crit header", hs256(header(set("crit", List.of("exp"))), claims(), key));
        attacks.put("exp missing", hs256(header(), claims(c -> c.remove("exp")), key));
        attacks.put("exp in the past", hs256(header(), claims(c -> c.put("exp", now - 120)), key));
        attacks.put("exp a string", hs256(header(), claims(c -> c.put("exp", String.valueOf(now + 600))), key));
        attacks.put("exp null", hs256(header(), claims(c -> c.put("exp", null)), key));
        attacks.put("exp negative", hs256(header(), claims(c -> c.put("exp", -1)), key));
        attacks.put("exp year 3000", hs256(header(), claims(c -> c.put("exp", 32_503_680_000L)), key));
        attacks.put("exp beyond the 30-day cap", hs256(header(),
                claims(c -> c.put("exp", now + Duration.ofDays(30).toSeconds() + 1)), key));
        attacks.put("nbf in the future", hs256(header(), claims(c -> c.put("nbf", now + 300)), key));
        attacks.put("nbf a string", hs256(header(), claims(c -> c.put("nbf", "now")), key));
        attacks.put("iat missing", hs256(header(), claims(c -> c.remove("iat")), key));
        attacks.put("iat in the future", hs256(header(), claims(c -> c.put("iat", now + 300)), key));
        attacks.put("iat long ago, exp far away", hs256(header(), claims(c -> {
            c.put("iat", now - Duration.ofDays(40).toSeconds());
            c.put("exp", now + 600);
        }), key));
        attacks.put("aud wrong", hs256(header(), claims(c -> c.put("aud", "share-portal")), key));
        attacks.put("aud missing", hs256(header(), claims(c -> c.remove("aud")), key));
        attacks.put("aud list without embed", hs256(header(), claims(c -> c.put("aud", List.of("api"))), key));
        attacks.put("iss wrong", hs256(header(), claims(c -> c.put("iss", "globex")), key));
        attacks.put("iss missing", hs256(header(), claims(c -> c.remove("iss")), key));
        attacks.put("company wrong", hs256(header(), claims(c -> c.put("company", "globex")), key));
        attacks.put("typ JWT", hs256(header(set("typ", "JWT")), claims(), key));
        attacks.put("typ missing", hs256(header(set("typ", REMOVE)), claims(), key));
        attacks.put("typ share-access", hs256(header(set("typ", "share-access+jwt")), claims(), key));
        attacks.put("typ in other case", hs256(header(set("typ", "EMBED+JWT")), claims(), key));
        attacks.put("sub not an id", hs256(header(), claims(c -> c.put("sub", "sales-overview")), key));
        attacks.put("sub missing", hs256(header(), claims(c -> c.remove("sub")), key));
        attacks.put("jti missing", hs256(header(), claims(c -> c.remove("jti")), key));
        attacks.put("allowed_params not a list", hs256(header(), claims(c -> c.put("allowed_params", "region")), key));
        attacks.put("allowed_params with a number", hs256(header(), claims(c -> c.put("allowed_params", List.of(1))),
                key));
        attacks.put("fixed_params not an object", hs256(header(), claims(c -> c.put("fixed_params", List.of())), key));
        attacks.put("four segments", validToken + "." + valid[2]);
        attacks.put("trailing dot", validToken + ".");
        attacks.put("leading dot", "." + validToken);
        attacks.put("two segments", valid[0] + "." + valid[1]);
        attacks.put("empty payload", valid[0] + ".." + valid[2]);
        attacks.put("non-base64url byte +", valid[0] + "." + valid[1].substring(0, 5) + "+" + valid[1].substring(6)
                + "." + valid[2]);
        attacks.put("non-base64url byte /", valid[0] + "." + valid[1] + "." + valid[2].substring(0, 10) + "/"
                + valid[2].substring(11));
        attacks.put("non-ascii character", valid[0] + "." + valid[1] + "é." + valid[2]);
        attacks.put("base64 padding", valid[0] + "==." + valid[1] + "." + valid[2] + "=");
        attacks.put("padding on the signature", validToken + "=");
        attacks.put("whitespace inside", valid[0] + ". " + valid[1] + "." + valid[2]);
        attacks.put("surrounding whitespace", " " + validToken + "\n");
        attacks.put("non-canonical last character", valid[0] + "." + valid[1] + "." + flipLowBits(valid[2]));
        attacks.put("duplicate claim", hs256(header(), claims().replaceFirst("\\{", "{\"sub\":\"" + sales.id() + "\","),
                key));
        attacks.put("duplicate header member", hs256(header().replaceFirst("\\{", "{\"alg\":\"none\","), claims(), key));
        attacks.put("header not an object", hs256("[\"HS256\"]", claims(), key));
        attacks.put("payload not an object", hs256(header(), "\"claims\"", key));
        attacks.put("payload with trailing data", hs256(header(), claims() + "{}", key));
        attacks.put("payload nested too deep", hs256(header(), claims(c -> c.put("x", deep(40))), key));
        attacks.put("header number overflowing", hs256(header().replaceFirst("\\}$", ",\"x\":1e99999999999}"),
                claims(), key));
        attacks.put("payload number overflowing", hs256(header(),
                claims().replaceFirst("\\}$", ",\"x\":-1E-2147483649}"), key));
        attacks.put("payload lone surrogate", hs256(header(), claims().replaceFirst("\\}$", ",\"x\":\"\\\\ud800\"}"),
                key));
        attacks.put("an 8 kB token", hs256(header(), claims(c -> c.put("pad", "x".repeat(8_000))), key));
        attacks.put("empty string", "");
        attacks.put("null", null);
        attacks.put("three dots", "..");
        attacks.put("a share-access token", h.accessTokens().issue(io.dashshare.domain.portal.ShareSession.open(
                new io.dashshare.domain.portal.SessionId(java.util.UUID.randomUUID()), acme.id(),
                new io.dashshare.domain.common.EmailAddress("alice@customer.example"), h.clock().instant(),
                java.time.Duration.ofSeconds(600)), acme));
        attacks.put("an owner-like token", hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"sub\":\"owner@acme.test\",\"roles\":[\"owner\"],\"iss\":\"dashshare\",\"exp\":" + (now + 600)
                        + ",\"iat\":" + now + "}", key));
        attacks.put("an owner-like token with our kid", hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid
                        + "\"}", "{\"sub\":\"owner@acme.test\",\"iss\":\"acme\",\"aud\":\"embed\",\"exp\":"
                        + (now + 600) + ",\"iat\":" + now + "}", key));

        return attacks.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertRefusedEverywhere(e.getValue())));
    }

    @Test
    void a_token_signed_with_one_companys_key_cannot_open_another_companys_dashboard() {
        Company globex = h.company("globex");
        Dashboard theirs = h.salesDashboard(globex);

        assertRefusedEverywhere(hs256(header(), claims(c -> c.put("sub", theirs.id().toString())), key));
        assertRefusedEverywhere(hs256(header(), claims(c -> {
            c.put("sub", theirs.id().toString());
            c.put("iss", "globex");
            c.put("company", "globex");
        }), key));
    }

    @Test
    void jwk_jku_and_x5u_headers_are_ignored_the_token_still_needs_our_key() {
        String withHeaders = hs256(header(Map.of("jku", "https://attacker.example/jwks.json",
                "x5u", "https://attacker.example/cert.pem",
                "jwk", Map.of("kty", "oct", "k", "AAAA"))), claims(), key);

        assertThat(h.embeds().info(withHeaders).dashboard().id()).isEqualTo(sales.id());
    }

    private static String flipLowBits(String segment) {
        // 32 bytes encode to 43 characters whose last one carries 2 unused bits; setting them keeps
        // the bytes but makes the text non-canonical.
        char last = segment.charAt(segment.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(last);
        return segment.substring(0, segment.length() - 1) + alphabet.charAt(index ^ 1);
    }

    private static Object deep(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }
}
