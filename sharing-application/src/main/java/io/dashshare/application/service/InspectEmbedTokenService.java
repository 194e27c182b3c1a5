package io.dashshare.application.service;

import io.dashshare.application.port.in.InspectEmbedTokenUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.error.TokenRefusal;
import io.dashshare.domain.error.TokenRefusedException;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.tenant.Permission;
import java.util.Map;
import java.util.Optional;

/**
 * The embed token inspector (docs/embedding.md): the verifier of the viewer routes, restricted to
 * the caller's keys, with the refusal named. Claims are shown once the signature holds, so a token
 * of another company (whose key is not the caller's) shows only {@code unknown_kid}.
 */
public final class InspectEmbedTokenService implements InspectEmbedTokenUseCase {

    private final EmbedTokens tokens;
    private final TokenSigner signer;

    public InspectEmbedTokenService(EmbedTokens tokens, TokenSigner signer) {
        this.tokens = tokens;
        this.signer = signer;
    }

    @Override
    public Inspection inspect(OwnerPrincipal owner, String token) {
        owner.require(Permission.ISSUE_EMBED_TOKENS);
        Map<String, Object> header = signer.header(token);
        try {
            EmbedTokens.Verified verified = tokens.verifyOf(owner.companyId(), token);
            Optional<Map<String, Object>> claims = Optional.of(verifiedClaims(token, owner));
            if (verified.claims().rulesFor(verified.dashboard().definition()) instanceof AccessRules.Refusing) {
                return new Inspection(false, Optional.of(TokenRefusal.FIXED_PARAMS_INVALID.wire()), header, claims);
            }
            return new Inspection(true, Optional.empty(), header, claims);
        } catch (TokenRefusedException refused) {
            Optional<Map<String, Object>> claims = signatureHeld(refused.reason())
                    ? Optional.of(verifiedClaims(token, owner)) : Optional.empty();
            return new Inspection(false, Optional.of(refused.reason().wire()), header, claims);
        }
    }

    /** Refusals found after the signature verified with one of the caller's keys. */
    private static boolean signatureHeld(TokenRefusal reason) {
        switch (reason) {
            case MALFORMED, TOO_LONG, ALG_NOT_HS256, TYP_MISSING, TYP_WRONG, CRIT_PRESENT, KID_MISSING, UNKNOWN_KID,
                 BAD_SIGNATURE:
                return false;
            default:
                return true;
        }
    }

    /** The claims as the signer decoded them; called only once the signature held with the caller's key. */
    private Map<String, Object> verifiedClaims(String token, OwnerPrincipal owner) {
        return tokens.claimsOf(owner.companyId(), token);
    }
}
