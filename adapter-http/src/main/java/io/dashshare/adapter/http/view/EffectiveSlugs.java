package io.dashshare.adapter.http.view;

import io.dashshare.domain.filter.EffectiveParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The slugs of every filter an execution ran with, in dashboard order, including unset ones.
 * {@link EffectiveParameters} exposes its filter list only through {@link EffectiveParameters#canonicalKey()}
 * ({@code slug=-;} or {@code slug=kind[len:element...];}), which is length-prefixed and therefore
 * safe to read back; this is a stop-gap until the domain offers the slugs directly.
 */
final class EffectiveSlugs {

    private EffectiveSlugs() {
    }

    static List<String> of(EffectiveParameters parameters) {
        String key = parameters.canonicalKey();
        List<String> slugs = new ArrayList<>();
        int i = 0;
        while (i < key.length()) {
            int eq = key.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            slugs.add(key.substring(i, eq));
            i = eq + 1;
            if (key.charAt(i) == '-') {
                i += 2;
                continue;
            }
            i = key.indexOf('[', i) + 1;
            while (key.charAt(i) != ']') {
                int colon = key.indexOf(':', i);
                int length = Integer.parseInt(key.substring(i, colon));
                i = colon + 1 + length;
            }
            i += 2;
        }
        return slugs;
    }
}
