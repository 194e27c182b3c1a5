package io.dashshare.adapter.crypto;

import io.dashshare.domain.port.CommonPasswords;
import me.gosimple.nbvcxz.Nbvcxz;

/**
 * The common-password check of docs/security.md (owner passwords) on nbvcxz: its bundled list of
 * the 100,000 most common breached passwords, English words and names, matched case-insensitively
 * and in leet and keyboard variants, combined with the sequences, repeats and years that guessers
 * append. A password is common when that estimate puts it below {@link #MIN_ENTROPY_BITS}: a
 * list-only check would pass {@code password1234}, which is "password" and "1234", both on it.
 */
public final class NbvcxzCommonPasswords implements CommonPasswords {

    /** About 30 million guesses: an offline guesser's first seconds. */
    static final double MIN_ENTROPY_BITS = 25;
    /**
     * The estimate's cost grows with the length (about a second at 256 characters); a common prefix
     * of this length already gives a password away, and a strong one is strong by then.
     */
    static final int CHECKED_PREFIX = 64;

    private final Nbvcxz estimator = new Nbvcxz();

    @Override
    public boolean isCommon(String password) {
        String checked = password.codePointCount(0, password.length()) > CHECKED_PREFIX
                ? password.substring(0, password.offsetByCodePoints(0, CHECKED_PREFIX)) : password;
        return estimator.estimate(checked).getEntropy() < MIN_ENTROPY_BITS;
    }
}
