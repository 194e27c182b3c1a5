package io.dashshare.application.port.in;

import java.util.Map;
import java.util.Optional;

/**
 * Tells a company's developer why their self-signed embed token is refused (docs/embedding.md,
 * the token inspector): viewer routes never do.
 */
public interface InspectEmbedTokenUseCase {

    /** Needs {@code ISSUE_EMBED_TOKENS} (editor). Only the caller's company's keys verify anything. */
    Inspection inspect(OwnerPrincipal owner, String token);

    /**
     * @param reason a {@code TokenRefusal} wire code, empty when the token is valid
     * @param header the header as written, unverified (empty when unreadable)
     * @param claims present only when the signature verified with one of the caller's company keys
     */
    record Inspection(boolean valid, Optional<String> reason, Map<String, Object> header,
                      Optional<Map<String, Object>> claims) {
    }
}
