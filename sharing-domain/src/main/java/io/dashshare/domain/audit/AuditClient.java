package io.dashshare.domain.audit;

/**
 * The client of a request as the event keeps it: the address after {@link ClientIpPolicy} (null
 * under {@code none}), the User-Agent (cut to 512 characters), and the request id of the answer's
 * X-Request-Id header.
 */
public record AuditClient(String ip, String userAgent, String requestId) {

    public static final int MAX_USER_AGENT = 512;
    public static final AuditClient NONE = new AuditClient(null, null, null);

    public AuditClient {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
