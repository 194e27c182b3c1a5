package io.dashshare.adapter.crypto;

import io.dashshare.domain.port.CommonPasswords;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import me.gosimple.nbvcxz.Nbvcxz;

/**
 * The common-password check of docs/security.md#owners-1 on nbvcxz: its bundled list of the
 * 100,000 most common breached passwords, English words and names, matched case-insensitively
 * and in leet and keyboard variants, combined with the sequences, repeats and years that guessers
 * append. A password is common when that estimate puts it below {@link #MIN_ENTROPY_BITS}: a
 * list-only check would pass {@code password1234}, which is "password" and "1234", both on it.
 *
 * <p>nbvcxz loads every bundled dictionary into static fields on first use (about 20 MB of heap,
 * kept for the life of the class loader, whatever dictionaries the configuration names). A
 * password is checked a few times in an account's life (an accepted invite, a change, the
 * bootstrap admin), so each check loads the library into a class loader of its own and drops
 * it after: about a tenth of a second per check instead of 20 MB held for good. Checks run one
 * at a time, so at most one copy exists.
 */
public final class NbvcxzCommonPasswords implements CommonPasswords {

    /** About 30 million guesses: an offline guesser's first seconds. */
    static final double MIN_ENTROPY_BITS = 25;
    /**
     * The estimate's cost grows with the length (about a second at 256 characters); a common prefix
     * of this length already gives a password away, and a strong one is strong by then.
     */
    static final int CHECKED_PREFIX = 64;

    private final URL[] library = {Nbvcxz.class.getProtectionDomain().getCodeSource().getLocation()};

    @Override
    public synchronized boolean isCommon(String password) {
        String checked = password.codePointCount(0, password.length()) > CHECKED_PREFIX
                ? password.substring(0, password.offsetByCodePoints(0, CHECKED_PREFIX)) : password;
        return entropyBits(checked) < MIN_ENTROPY_BITS;
    }

    private double entropyBits(String password) {
        // The platform loader as parent: nbvcxz's classes come from this loader only, never the application's.
        try (URLClassLoader loader = new URLClassLoader("nbvcxz", library, ClassLoader.getPlatformClassLoader())) {
            Class<?> estimatorType = loader.loadClass(Nbvcxz.class.getName());
            Object estimator = estimatorType.getConstructor().newInstance();
            Object result = estimatorType.getMethod("estimate", String.class).invoke(estimator, password);
            return ((Number) result.getClass().getMethod("getEntropy").invoke(result)).doubleValue();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the password strength estimate failed", e.getCause());
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("nbvcxz could not be loaded", e);
        }
    }
}
