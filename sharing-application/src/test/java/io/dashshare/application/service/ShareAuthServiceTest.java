package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.tenant.CompanySlug;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One-time-code login: docs/security.md#attack-1 to #attack-10 at the use-case level. */
class ShareAuthServiceTest {

    private static final String ALICE = "alice@customer.example";
    private static final String BOB = "bob@customer.example";
    private static final String STRANGER = "mallory@elsewhere.example";
    private static final String CLIENT = "203.0.113.7";

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private ShareContext customers;
    private Member alice;
    private Auth auth;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        Dashboard sales = h.salesDashboard(acme);
        customers = h.context(owner, "External customers");
        alice = h.member(owner, customers, ALICE);
        h.member(owner, customers, BOB);
        h.portalShare(owner, sales, customers);
        auth = Auth.of(h);
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private String requestAndReadCode(String email) {
        auth.requestCode("acme", email, CLIENT);
        return h.mailer().lastCodeFor(email);
    }

    private static String anotherCode(String code) {
        int digits = Integer.parseInt(code.replace("-", ""));
        String other = String.format("%08d", (digits + 1) % 100_000_000);
        return other.substring(0, 4) + "-" + other.substring(4);
    }

    @Nested
    class RequestingACode {

        @Test
        void member_stranger_and_unknown_company_get_the_same_answer_and_only_the_member_gets_mail() {
            assertThatCode(() -> auth.requestCode("acme", ALICE, CLIENT)).doesNotThrowAnyException();
            assertThatCode(() -> auth.requestCode("acme", STRANGER, CLIENT)).doesNotThrowAnyException();
            assertThatCode(() -> auth.requestCode("no-such-company", ALICE, CLIENT)).doesNotThrowAnyException();

            assertThat(h.mailer().sent()).hasSize(1);
            assertThat(h.mailer().sent().get(0).to().value()).isEqualTo(ALICE);
        }

        @Test
        void a_member_of_a_context_without_a_live_share_gets_no_mail() {
            ShareContext idle = h.context(owner, "Nothing shared yet");
            h.member(owner, idle, "idle@customer.example");

            auth.requestCode("acme", "idle@customer.example", CLIENT);

            assertThat(h.mailer().sent()).isEmpty();
        }

        @Test
        void the_mail_shows_the_code_as_four_digits_dash_four_digits_for_ten_minutes() {
            auth.requestCode("acme", "  Alice@Customer.Example ", CLIENT);

            OneTimeCodeMailer.Message mail = h.mailer().sent().get(0);
            assertThat(mail.to().value()).isEqualTo(ALICE);
            assertThat(mail.code().display()).matches("[0-9]{4}-[0-9]{4}");
            assertThat(mail.companySlug()).isEqualTo("acme");
            assertThat(mail.validFor()).isEqualTo(Duration.ofMinutes(10));
            assertThat(mail.code().toString()).doesNotContain(mail.code().digits());
        }

        @Test
        void the_code_is_stored_only_as_a_keyed_hash() {
            String code = requestAndReadCode(ALICE);

            OtpChallenge stored = h.store().challenges().findLatest(acme.id(), new EmailAddress(ALICE)).orElseThrow();
            assertThat(stored.codeHash()).matches("[0-9a-f]{64}")
                    .doesNotContain(code.replace("-", "")).doesNotContain(code);
        }

        @Test
        void fifty_requests_for_one_email_are_throttled_and_send_a_bounded_number_of_mails() {
            List<RateLimitedException> throttled = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                try {
                    // Rotating client addresses does not help: the limit is per email too.
                    auth.requestCode("acme", ALICE, "198.51.100." + i);
                } catch (RateLimitedException e) {
                    throttled.add(e);
                }
            }

            assertThat(h.mailer().sentTo(ALICE)).hasSize(h.settings().codes().requestsPerEmail());
            assertThat(throttled).hasSize(50 - h.settings().codes().requestsPerEmail());
            assertThat(throttled).allSatisfy(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(h.settings().codes().requestWindow());
            });
        }

        @Test
        void strangers_are_throttled_per_email_exactly_like_members() {
            int allowed = h.settings().codes().requestsPerEmail();
            for (int i = 0; i < allowed; i++) {
                auth.requestCode("acme", STRANGER, "198.51.100." + i);
                auth.requestCode("no-such-company", "x@unknown.example", "198.51.100." + i);
            }
            failsWith(ErrorCode.RATE_LIMITED, () -> auth.requestCode("acme", STRANGER, CLIENT));
            failsWith(ErrorCode.RATE_LIMITED, () -> auth.requestCode("no-such-company", "x@unknown.example", CLIENT));
        }

        @Test
        void one_client_address_is_throttled_across_emails() {
            int allowed = h.settings().codes().requestsPerClient();
            for (int i = 0; i < allowed; i++) {
                auth.requestCode("acme", "visitor" + i + "@elsewhere.example", CLIENT);
            }

            RateLimitedException e = (RateLimitedException) failsWith(ErrorCode.RATE_LIMITED,
                    () -> auth.requestCode("acme", ALICE, CLIENT));
            assertThat(e.retryAfter()).isPositive();
            assertThat(h.mailer().sentTo(ALICE)).isEmpty();
            assertThatCode(() -> auth.requestCode("acme", ALICE, "192.0.2.1")).doesNotThrowAnyException();
        }

        @Test
        void throttling_ends_with_its_window() {
            for (int i = 0; i < h.settings().codes().requestsPerEmail(); i++) {
                auth.requestCode("acme", ALICE, CLIENT);
            }
            failsWith(ErrorCode.RATE_LIMITED, () -> auth.requestCode("acme", ALICE, CLIENT));

            h.clock().advance(h.settings().codes().requestWindow());

            assertThatCode(() -> auth.requestCode("acme", ALICE, CLIENT)).doesNotThrowAnyException();
        }

        @Test
        void while_smtp_is_down_the_request_still_succeeds_and_the_code_arrives_and_works_once_it_is_back() {
            h.mailer().failFromNowOn();

            assertThatCode(() -> auth.requestCode("acme", ALICE, CLIENT)).doesNotThrowAnyException();
            assertThat(h.mailer().undelivered()).hasSize(1);
            assertThat(h.mailer().sent()).isEmpty();

            h.mailer().deliverAgain();
            h.clock().advance(Duration.ofSeconds(4));
            assertThat(h.deliverMail()).as("the retry waits its backoff").isZero();
            h.clock().advance(Duration.ofSeconds(1));
            assertThat(h.deliverMail()).isEqualTo(1);

            assertThat(h.mailer().sentTo(ALICE)).hasSize(1);
            assertThat(auth.verify("acme", ALICE, h.mailer().lastCodeFor(ALICE)).accessToken()).isNotBlank();
        }

        @Test
        void retries_wait_twice_as_long_each_time_up_to_a_minute() {
            h.mailer().failFromNowOn();
            auth.requestCode("acme", ALICE, CLIENT);
            List<Long> waits = new java.util.ArrayList<>();
            long waited = 0;
            while (waits.size() < 6) {
                h.clock().advance(Duration.ofSeconds(1));
                waited++;
                if (h.deliverMail() == 1) {
                    waits.add(waited);
                    waited = 0;
                }
            }

            assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
        }

        @Test
        void a_mail_still_unsent_when_its_code_expires_is_dropped_and_never_sent() {
            h.mailer().failFromNowOn();
            auth.requestCode("acme", ALICE, CLIENT);

            h.clock().advance(Duration.ofMinutes(10));
            h.mailer().deliverAgain();

            assertThat(h.deliverMail()).as("the drop").isEqualTo(1);
            h.clock().advance(Duration.ofMinutes(1));
            assertThat(h.deliverMail()).isZero();
            assertThat(h.mailer().sent()).isEmpty();
        }

        @Test
        void a_newer_code_replaces_an_older_mail_still_waiting() {
            h.mailer().failFromNowOn();
            auth.requestOnly("acme", ALICE, CLIENT);
            h.clock().advance(Duration.ofSeconds(1));
            auth.requestOnly("acme", ALICE, CLIENT);
            h.mailer().deliverAgain();

            assertThat(h.deliverMail()).isEqualTo(1);

            assertThat(h.mailer().sentTo(ALICE)).hasSize(1);
            assertThat(auth.verify("acme", ALICE, h.mailer().lastCodeFor(ALICE)).accessToken()).isNotBlank();
        }

        @Test
        void the_queued_mail_holds_neither_the_code_nor_the_company_in_clear() {
            auth.requestOnly("acme", ALICE, CLIENT);
            List<byte[]> stored = new java.util.ArrayList<>();
            h.store().mailOutbox().sendNext(h.clock().instant(), m -> {
                stored.add(m.sealedBody());
                return new io.dashshare.domain.port.MailOutbox.Outcome.Retry(m, m);
            });
            h.deliverMail();

            String code = h.mailer().lastCodeFor(ALICE).replace("-", "");
            assertThat(stored).hasSize(1);
            assertThat(new String(stored.get(0), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(code, "ACME", "acme");
        }

        @Test
        void malformed_email_or_slug_is_invalid_request_naming_the_field() {
            invalidField("email", () -> auth.requestCode("acme", "not-an-email", CLIENT));
            invalidField("email", () -> auth.requestCode("acme", null, CLIENT));
            invalidField("company_slug", () -> auth.requestCode("ACME'--", ALICE, CLIENT));
            invalidField("company_slug", () -> auth.requestCode(null, ALICE, CLIENT));
        }
    }

    @Nested
    class VerifyingACode {

        @Test
        void the_right_code_gives_a_short_lived_access_token_a_refresh_token_and_the_contexts() {
            String code = requestAndReadCode(ALICE);

            PortalTokens tokens = auth.verify("acme", ALICE, code);

            assertThat(tokens.accessToken()).isNotBlank();
            assertThat(tokens.refreshToken()).matches("[A-Za-z0-9_-]{43}");
            assertThat(tokens.expiresInSeconds()).isPositive().isLessThanOrEqualTo(3600);
            assertThat(tokens.contexts()).extracting(ShareContext::id).containsExactly(customers.id());
            assertThat(h.portal().authenticate("acme", tokens.accessToken()).email().value()).isEqualTo(ALICE);
        }

        @Test
        void six_wrong_codes_then_the_right_one_all_fail() {
            String code = requestAndReadCode(ALICE);
            String wrong = anotherCode(code);

            for (int i = 0; i < 6; i++) {
                failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, wrong));
            }
            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, code));
        }

        @Test
        void five_wrong_codes_leave_the_right_one_usable_and_a_sixth_kills_it() {
            String code = requestAndReadCode(ALICE);
            for (int i = 0; i < 4; i++) {
                failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, anotherCode(code)));
            }
            assertThat(auth.verify("acme", ALICE, code)).isNotNull();

            String next = requestAndReadCode(ALICE);
            for (int i = 0; i < 5; i++) {
                failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, anotherCode(next)));
            }
            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, next));
        }

        @Test
        void the_right_code_works_once() {
            String code = requestAndReadCode(ALICE);

            assertThat(auth.verify("acme", ALICE, code)).isNotNull();
            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, code));
        }

        @Test
        void thirty_concurrent_verifies_of_the_right_code_give_exactly_one_token_pair() throws Exception {
            String code = requestAndReadCode(ALICE);
            pool = Executors.newFixedThreadPool(30);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return auth.verify("acme", ALICE, code);
                    } catch (SharingException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();

            List<Object> results = new ArrayList<>();
            for (Future<Object> f : outcomes) {
                results.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(PortalTokens.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(r -> !(r instanceof PortalTokens)).hasSize(29)
                    .allMatch(ErrorCode.CODE_INVALID::equals);
        }

        @Test
        void guesses_sent_at_once_are_held_to_the_same_five_tries_as_guesses_sent_one_by_one() throws Exception {
            HeldFailures held = new HeldFailures(h.store().challenges());
            Auth gated = new Auth(h.requestCodeOver(held), h.verifyCodeOver(held), h.refreshSessions(), h.logouts(),
                    h::deliverMail);
            gated.requestCode("acme", ALICE, CLIENT);
            String code = h.mailer().lastCodeFor(ALICE);
            int guesses = 20;
            pool = Executors.newFixedThreadPool(guesses);
            AtomicInteger finished = new AtomicInteger();
            List<Future<?>> inFlight = new ArrayList<>();
            String wrong = code;
            for (int i = 0; i < guesses; i++) {
                wrong = anotherCode(wrong);
                String guess = wrong;
                inFlight.add(pool.submit((Callable<Void>) () -> {
                    try {
                        gated.verify("acme", ALICE, guess);
                    } catch (SharingException e) {
                        // expected: wrong
                    } finally {
                        finished.incrementAndGet();
                    }
                    return null;
                }));
            }
            // Every wrong guess has been judged: either refused outright or held just before it is counted.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (held.waiting() + finished.get() < guesses && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(held.waiting() + finished.get()).isEqualTo(guesses);

            Throwable rightGuess = catchThrowable(() -> gated.verify("acme", ALICE, code));

            held.release();
            for (Future<?> f : inFlight) {
                f.get(20, TimeUnit.SECONDS);
            }
            assertThat(rightGuess).as("the right code after %d wrong guesses", guesses)
                    .isInstanceOf(SharingException.class);
            assertThat(((SharingException) rightGuess).code()).isEqualTo(ErrorCode.CODE_INVALID);
        }

        @Test
        void a_code_is_valid_for_ten_minutes_and_not_one_second_more() {
            String first = requestAndReadCode(ALICE);
            h.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, first));

            String second = requestAndReadCode(BOB);
            h.clock().advance(Duration.ofMinutes(10).minusSeconds(1));
            assertThat(auth.verify("acme", BOB, second)).isNotNull();
        }

        @Test
        void a_new_request_replaces_the_previous_code() {
            String a = requestAndReadCode(ALICE);
            String b = requestAndReadCode(ALICE);
            if (a.equals(b)) {
                return; // one chance in 10^8: nothing to tell apart
            }

            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, a));
            assertThat(auth.verify("acme", ALICE, b)).isNotNull();
        }

        @Test
        void alices_code_does_not_work_for_bob_nor_at_another_company() {
            Company globex = h.company("globex");
            OwnerPrincipal globexOwner = h.ownerOf(globex);
            ShareContext globexContext = h.context(globexOwner, "Globex partners");
            h.member(globexOwner, globexContext, ALICE);
            h.portalShare(globexOwner, h.salesDashboard(globex), globexContext);
            String code = requestAndReadCode(ALICE);

            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", BOB, code));
            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("globex", ALICE, code));
            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("no-such-company", ALICE, code));
            assertThat(auth.verify("acme", ALICE, code)).isNotNull();
        }

        @Test
        void the_code_is_accepted_without_the_dash() {
            String code = requestAndReadCode(ALICE);

            assertThat(auth.verify("acme", ALICE, code.replace("-", ""))).isNotNull();
        }

        @Test
        void the_code_is_accepted_with_surrounding_spaces_and_the_email_in_any_case() {
            String code = requestAndReadCode(ALICE);

            assertThat(auth.verify("acme", " ALICE@customer.example", " " + code + " ")).isNotNull();
        }

        @Test
        void full_width_digits_are_not_the_code() {
            String code = requestAndReadCode(ALICE);
            StringBuilder fullWidth = new StringBuilder();
            for (char c : code.toCharArray()) {
                fullWidth.append(c == '-' ? '-' : (char) ('\uFF10' + (c - '0')));
            }

            invalidField("code", () -> auth.verify("acme", ALICE, fullWidth.toString()));
            assertThat(auth.verify("acme", ALICE, code)).as("a refused shape costs no try").isNotNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234-567", "123456789", "1234--5678", "12-345678", "abcd-efgh", "", " ",
                "١٢٣٤-٥٦٧٨", "1234-5678\u0000", "{\"select\":1}", "[12345678]", "null"})
        void codes_of_the_wrong_shape_are_invalid_request_naming_the_code(String presented) {
            requestAndReadCode(ALICE);

            invalidField("code", () -> auth.verify("acme", ALICE, presented));
        }

        @Test
        void a_missing_code_is_invalid_request_naming_the_code() {
            invalidField("code", () -> auth.verify("acme", ALICE, null));
        }

        @Test
        void after_one_hundred_failures_in_an_hour_even_the_right_code_is_rate_limited() {
            String earlier = requestAndReadCode(ALICE);
            for (int i = 0; i < h.settings().codes().failuresPerEmailPerHour(); i++) {
                failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, anotherCode(earlier)));
            }
            String code = requestAndReadCode(ALICE);

            RateLimitedException e = (RateLimitedException) failsWith(ErrorCode.RATE_LIMITED,
                    () -> auth.verify("acme", ALICE, code));
            assertThat(e.retryAfter()).isPositive();
            assertThat(auth.verify("acme", BOB, requestAndReadCode(BOB))).as("other emails are untouched").isNotNull();

            h.clock().advance(Duration.ofHours(1));
            assertThat(auth.verify("acme", ALICE, requestAndReadCode(ALICE))).isNotNull();
        }

        @Test
        void a_member_removed_after_the_request_cannot_verify() {
            String code = requestAndReadCode(ALICE);
            h.contexts().removeMember(owner, customers.id(), alice.id());

            failsWith(ErrorCode.CODE_INVALID, () -> auth.verify("acme", ALICE, code));
        }
    }

    @Nested
    class Timing {

        @Test
        void member_stranger_and_unknown_company_take_the_same_minimum_time() {
            SharingHarness paced = SharingHarness.withSettings(
                    io.dashshare.application.service.SharingSettings.defaults("https://share.example.test"));
            Company company = paced.company("acme");
            OwnerPrincipal admin = paced.ownerOf(company);
            ShareContext context = paced.context(admin, "External customers");
            paced.member(admin, context, ALICE);
            paced.portalShare(admin, paced.salesDashboard(company), context);
            // A slow SMTP server slows the outbox's sender, never the request.
            paced.mailer().takeTime(Duration.ofMillis(400));
            Duration floor = paced.settings().codes().minimumRequestTime();
            assertThat(floor).isGreaterThanOrEqualTo(Duration.ofMillis(250));

            long member = timed(() -> Auth.of(paced).requestOnly("acme", ALICE, "198.51.100.1"));
            long stranger = timed(() -> Auth.of(paced).requestOnly("acme", STRANGER, "198.51.100.2"));
            long unknown = timed(() -> Auth.of(paced).requestOnly("no-such-company", BOB, "198.51.100.3"));

            assertThat(paced.deliverMail()).isEqualTo(1);
            assertThat(paced.mailer().sent()).hasSize(1);
            assertThat(List.of(member, stranger, unknown)).allSatisfy(ms -> assertThat(ms)
                    .isGreaterThanOrEqualTo(floor.toMillis()));
            long spread = Math.max(member, Math.max(stranger, unknown)) - Math.min(member, Math.min(stranger, unknown));
            assertThat(spread).as("member %d ms, stranger %d ms, unknown %d ms", member, stranger, unknown)
                    .isLessThan(150);
        }

        private long timed(Runnable call) {
            long start = System.nanoTime();
            call.run();
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
    }

    @Nested
    class Sessions {

        @Test
        void refresh_rotates_and_a_replayed_refresh_token_revokes_the_whole_session() {
            PortalTokens first = h.login("acme", ALICE);
            PortalTokens second = auth.refresh(first.refreshToken());
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(h.portal().authenticate("acme", second.accessToken())).isNotNull();

            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(first.refreshToken()));

            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(second.refreshToken()));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", second.accessToken()));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", first.accessToken()));
        }

        @Test
        void a_replay_revokes_only_its_own_session() {
            PortalTokens stolen = h.login("acme", ALICE);
            PortalTokens otherDevice = h.login("acme", ALICE);
            auth.refresh(stolen.refreshToken());
            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(stolen.refreshToken()));

            assertThat(h.portal().authenticate("acme", otherDevice.accessToken())).isNotNull();
            assertThat(auth.refresh(otherDevice.refreshToken())).isNotNull();
        }

        @Test
        void logout_with_the_access_token_revokes_the_session() {
            PortalTokens tokens = h.login("acme", ALICE);

            auth.logout(Optional.of(tokens.accessToken()), Optional.empty());

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", tokens.accessToken()));
            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(tokens.refreshToken()));
        }

        @Test
        void logout_with_the_refresh_token_revokes_the_session() {
            PortalTokens tokens = h.login("acme", ALICE);

            auth.logout(Optional.empty(), Optional.of(tokens.refreshToken()));

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", tokens.accessToken()));
            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(tokens.refreshToken()));
        }

        @Test
        void logout_with_an_expired_access_token_still_revokes() {
            PortalTokens tokens = h.login("acme", ALICE);
            h.clock().advance(Duration.ofHours(2));

            auth.logout(Optional.of(tokens.accessToken()), Optional.empty());

            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(tokens.refreshToken()));
        }

        @Test
        void logout_with_tokens_that_are_not_ours_changes_nothing_and_does_not_fail() {
            PortalTokens tokens = h.login("acme", ALICE);

            assertThatCode(() -> auth.logout(Optional.of("garbage"), Optional.of("also-garbage"))).doesNotThrowAnyException();
            assertThatCode(() -> auth.logout(Optional.of("a.b.c"), Optional.of("A".repeat(43)))).doesNotThrowAnyException();

            assertThat(h.portal().authenticate("acme", tokens.accessToken())).isNotNull();
        }

        @Test
        void a_removed_member_cannot_refresh() {
            PortalTokens tokens = h.login("acme", ALICE);

            h.contexts().removeMember(owner, customers.id(), alice.id());

            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(tokens.refreshToken()));
        }

        @Test
        void the_access_token_expires_and_the_session_has_an_absolute_lifetime() {
            PortalTokens tokens = h.login("acme", ALICE);
            h.clock().advance(h.settings().tokens().accessTokenTtl().plus(h.settings().tokens().leeway()).plusSeconds(1));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", tokens.accessToken()));

            PortalTokens renewed = auth.refresh(tokens.refreshToken());
            assertThat(h.portal().authenticate("acme", renewed.accessToken())).isNotNull();

            h.clock().set(SharingHarness.START.plus(h.settings().tokens().sessionLifetime()));
            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(renewed.refreshToken()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a.b.c",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"})
        void unknown_or_malformed_refresh_tokens_are_token_invalid(String presented) {
            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(presented));
        }

        @Test
        void an_access_token_is_not_a_refresh_token() {
            PortalTokens tokens = h.login("acme", ALICE);

            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(tokens.accessToken()));
            failsWith(ErrorCode.TOKEN_INVALID, () -> auth.refresh(null));
        }
    }

    /**
     * Wrong guesses are held just before their failure is counted, so the test can present the
     * right code while they are in flight: the moment a racing attacker hopes for.
     */
    private static final class HeldFailures implements OtpChallengeRepository {

        private final OtpChallengeRepository delegate;
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        HeldFailures(OtpChallengeRepository delegate) {
            this.delegate = delegate;
        }

        int waiting() {
            return waiting.get();
        }

        void release() {
            released.countDown();
        }

        @Override
        public void replace(OtpChallenge challenge) {
            delegate.replace(challenge);
        }

        @Override
        public Optional<OtpChallenge> findLatest(CompanyId company, EmailAddress email) {
            return delegate.findLatest(company, email);
        }

        @Override
        public int recordFailure(OtpChallengeId id) {
            waiting.incrementAndGet();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.recordFailure(id);
        }

        @Override
        public boolean consume(OtpChallengeId id, Instant now, int maxFailedAttempts) {
            return delegate.consume(id, now, maxFailedAttempts);
        }

        @Override
        public void delete(OtpChallengeId id) {
            delegate.delete(id);
        }
    }

    /**
     * The four share-auth use cases, reached with what the portal's form sends, parsed as the HTTP
     * adapter parses it (EmailAddress, CompanySlug and OneTimeCode refuse a wrong shape naming the field).
     */
    private record Auth(RequestCodeUseCase requests, VerifyCodeUseCase verifies, RefreshPortalSessionUseCase refreshes,
                        PortalLogoutUseCase logouts, Runnable sender) {

        static Auth of(SharingHarness h) {
            return new Auth(h.requestCodes(), h.verifyCodes(), h.refreshSessions(), h.logouts(), h::deliverMail);
        }

        /** Requests a code, then lets the outbox's background sender run once, as it does within a second. */
        void requestCode(String companySlug, String email, String client) {
            requestOnly(companySlug, email, client);
            sender.run();
        }

        void requestOnly(String companySlug, String email, String client) {
            EmailAddress address = EmailAddress.parseField("email", email);
            requests.requestCode(CompanySlug.parseField("company_slug", companySlug), address, client);
        }

        PortalTokens verify(String companySlug, String email, String code) {
            EmailAddress address = EmailAddress.parseField("email", email);
            OneTimeCode presented = OneTimeCode.parseField("code", code);
            return verifies.verify(CompanySlug.parseField("company_slug", companySlug), address, presented);
        }

        PortalTokens refresh(String token) {
            return refreshes.refresh(token);
        }

        void logout(Optional<String> access, Optional<String> refresh) {
            logouts.logout(access, refresh, false);
        }
    }
}
