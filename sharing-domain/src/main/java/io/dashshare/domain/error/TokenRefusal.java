package io.dashshare.domain.error;

/**
 * Why a signed token was refused: one stable code per check of docs/embedding.md ("Why a token is
 * refused", the inspector's {@code reason}). Viewer routes never say which: every refusal answers
 * the same {@code TOKEN_INVALID}.
 */
public enum TokenRefusal {
    MALFORMED("malformed"),
    TOO_LONG("too_long"),
    ALG_NOT_HS256("alg_not_hs256"),
    TYP_MISSING("typ_missing"),
    TYP_WRONG("typ_wrong"),
    CRIT_PRESENT("crit_present"),
    KID_MISSING("kid_missing"),
    UNKNOWN_KID("unknown_kid"),
    BAD_SIGNATURE("bad_signature"),
    CLAIM_INVALID("claim_invalid"),
    AUD_WRONG("aud_wrong"),
    ISS_WRONG("iss_wrong"),
    COMPANY_WRONG("company_wrong"),
    EXPIRED("expired"),
    NOT_YET_VALID("not_yet_valid"),
    ISSUED_IN_FUTURE("issued_in_future"),
    LIFETIME_TOO_LONG("lifetime_too_long"),
    JTI_MISSING("jti_missing"),
    SUB_NOT_A_DASHBOARD("sub_not_a_dashboard"),
    REVOKED("revoked"),
    FIXED_PARAMS_INVALID("fixed_params_invalid");

    private final String wire;

    TokenRefusal(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
