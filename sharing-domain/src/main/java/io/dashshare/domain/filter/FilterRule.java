package io.dashshare.domain.filter;

import java.util.List;
import java.util.Objects;

/**
 * What the viewer may do with one filter, whatever the flow: the common form that share
 * policies and embed claims are both translated into.
 */
public sealed interface FilterRule {

    /** No restriction: any value valid for the filter. */
    record Free() implements FilterRule {
    }

    /** Only these elements; when omitted, never unrestricted. */
    record Selectable(List<String> allowedElements) implements FilterRule {
        public Selectable {
            allowedElements = List.copyOf(allowedElements);
            if (allowedElements.isEmpty()) {
                throw new IllegalArgumentException("nothing allowed");
            }
        }
    }

    /**
     * Always this value. {@code viewerMaySend} is false for an embed's fixed param outside
     * {@code allowed_params}: sending it at all is then refused.
     */
    record Fixed(FilterValue value, boolean viewerMaySend) implements FilterRule {
        public Fixed {
            Objects.requireNonNull(value);
        }
    }

    /** The viewer may not touch it; the dashboard's default (or nothing) applies. */
    record Disabled() implements FilterRule {
    }

    /**
     * The rule itself cannot be applied (a share's policy that no longer matches its filter, an
     * embed token's fixed value that does not fit): every request is refused rather than run
     * under a guessed, possibly wider rule.
     */
    record Refused(Rejection rejection) implements FilterRule {
    }

    FilterRule FREE = new Free();
    FilterRule DISABLED = new Disabled();
}
