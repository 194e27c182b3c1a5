package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dashshare.application.testing.Values;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.IssuedEmbedToken;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.tenant.Company;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueEmbedTokenServiceTest {

    private SharingHarness h;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
    }

    private IssuedEmbedToken issue(List<String> allowed, List<String> required, Map<String, RawValue> fixed,
                                   Optional<Long> expiresIn) {
        return h.issueEmbed().issue(owner, sales.id(), Values.embedRequest(allowed, required, fixed, expiresIn));
    }

    @Test
    void the_guides_request_gives_a_token_an_embed_url_and_the_expiry() throws Exception {
        IssuedEmbedToken issued = issue(List.of("period_start", "period_end"), List.of("period_start", "period_end"),
                Map.of(), Optional.of(3600L));

        assertThat(issued.embedUrl()).isEqualTo("https://share.example.test/embed/d/" + issued.token());
        assertThat(issued.expiresAt()).isEqualTo(SharingHarness.START.plusSeconds(3600));
        assertThat(issued.toString()).doesNotContain(issued.token());

        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("embed+jwt");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("acme");
        assertThat(claims.getAudience()).containsExactly("embed");
        assertThat(claims.getSubject()).isEqualTo(sales.id().toString());
        assertThat(claims.getStringClaim("company")).isEqualTo("acme");
        assertThat(claims.getStringListClaim("allowed_params")).containsExactly("period_start", "period_end");
        assertThat(claims.getStringListClaim("required_params")).containsExactly("period_start", "period_end");
        assertThat(claims.getJSONObjectClaim("fixed_params")).isEmpty();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(SharingHarness.START);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(SharingHarness.START.plusSeconds(3600));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void the_token_verifies_with_the_companys_signing_key_outside_our_code() throws Exception {
        IssuedEmbedToken issued = issue(List.of("region"), List.of(), Map.of(), Optional.empty());
        SignedJWT jwt = SignedJWT.parse(issued.token());
        byte[] secret = h.store().embedKeys().find(new io.dashshare.domain.embed.EmbedKeyId(jwt.getHeader().getKeyID()))
                .orElseThrow().secret();

        assertThat(jwt.verify(new MACVerifier(secret))).isTrue();
    }

    @Test
    void without_expires_in_the_default_of_one_hour_applies_and_the_cap_itself_is_allowed() {
        assertThat(issue(List.of(), List.of(), Map.of(), Optional.empty()).expiresAt())
                .isEqualTo(SharingHarness.START.plus(Duration.ofHours(1)));
        assertThat(issue(List.of(), List.of(), Map.of(), Optional.of(Duration.ofDays(30).toSeconds())).expiresAt())
                .isEqualTo(SharingHarness.START.plus(Duration.ofDays(30)));
    }

    @Test
    void expires_in_over_the_cap_or_not_positive_is_invalid_request() {
        for (long seconds : new long[] {Duration.ofDays(30).toSeconds() + 1, 0, -1, Long.MAX_VALUE}) {
            invalidField("expires_in", () -> issue(List.of(), List.of(), Map.of(), Optional.of(seconds)));
        }
    }

    @Test
    void a_param_that_is_no_filter_is_invalid_request_naming_it() {
        invalidField("allowed_params[1]", () -> issue(List.of("region", "amount"), List.of(), Map.of(),
                Optional.empty()));
        invalidField("required_params[0]", () -> issue(List.of(), List.of("nope"), Map.of(), Optional.empty()));
        invalidField("fixed_params.nope", () -> issue(List.of(), List.of(), Map.of("nope", str("x")),
                Optional.empty()));
    }

    @Test
    void a_required_param_must_be_allowed_or_fixed() {
        invalidField("required_params[1]", () -> issue(List.of("period_start"), List.of("period_start", "status"),
                Map.of(), Optional.empty()));

        assertThat(issue(List.of(), List.of("region"), Map.of("region", str("north")), Optional.empty())).isNotNull();
    }

    @Test
    void badly_typed_or_empty_fixed_values_are_invalid_request_naming_them() {
        invalidField("fixed_params.period_start", () -> issue(List.of(), List.of(),
                Map.of("period_start", str("yesterday")), Optional.empty()));
        invalidField("fixed_params.region", () -> issue(List.of(), List.of(), Map.of("region", str("atlantis")),
                Optional.empty()));
        invalidField("fixed_params.region", () -> issue(List.of(), List.of(), Map.of("region", new RawValue.Obj()),
                Optional.empty()));
        invalidField("fixed_params.status", () -> issue(List.of(), List.of(), Map.of("status", arr()),
                Optional.empty()));
        invalidField("fixed_params.status", () -> issue(List.of(), List.of(), Map.of("status", RawValue.NULL),
                Optional.empty()));
        invalidField("fixed_params.period_end", () -> issue(List.of(), List.of(), Map.of("period_end", str("")),
                Optional.empty()));
    }

    @Test
    void another_companys_dashboard_is_not_found() {
        Company globex = h.company("globex");
        Dashboard theirs = h.salesDashboard(globex);

        failsWith(ErrorCode.NOT_FOUND, () -> h.issueEmbed().issue(owner, theirs.id(),
                Values.embedRequest(List.of(), List.of(), Map.of(), Optional.empty())));
    }

    @Test
    void the_newest_active_key_signs_and_a_first_key_is_made_on_first_use() throws Exception {
        assertThat(h.embedKeys().list(owner)).isEmpty();
        String first = SignedJWT.parse(issue(List.of(), List.of(), Map.of(), Optional.empty()).token()).getHeader()
                .getKeyID();
        assertThat(h.embedKeys().list(owner)).hasSize(1);

        h.clock().advance(Duration.ofMinutes(1));
        CreatedEmbedKey newer = h.embedKeys().create(owner);
        String second = SignedJWT.parse(issue(List.of(), List.of(), Map.of(), Optional.empty()).token()).getHeader()
                .getKeyID();

        assertThat(second).isEqualTo(newer.key().id().value()).isNotEqualTo(first);
        assertThat(Base64.getUrlDecoder().decode(newer.secret())).hasSize(32);
    }
}
