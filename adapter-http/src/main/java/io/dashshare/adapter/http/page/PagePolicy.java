package io.dashshare.adapter.http.page;

/**
 * The pages' Content-Security-Policy, without {@code frame-ancestors} (which depends on the path
 * and, for embeds, on the token's company). Scripts, styles and data come from this origin only,
 * and no inline script or style runs: an injected string can neither run code nor send data away.
 */
public final class PagePolicy {

    public static final String HEADER = "Content-Security-Policy";

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'self'; object-src 'none'";

    private PagePolicy() {
    }
}
