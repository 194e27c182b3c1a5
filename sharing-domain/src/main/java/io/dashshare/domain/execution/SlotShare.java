package io.dashshare.domain.execution;

/**
 * The fair-use rule of a data source (docs/operations.md, fair use of a data source): no single
 * holder, a dashboard or a share, holds more than {@code percent} of the source's slots at once, so
 * that other dashboards keep running while one is slow. A holder always gets at least one slot of
 * a source that has any: a source of one slot is shared one query at a time, as before.
 *
 * <p>A pure rule on counts. The counting itself stays where the slots are, in the query executor
 * (the adapter that owns the pool); this class only says how many of them one holder may take.
 */
public record SlotShare(int percent) {

    /** Half the source, the documented default. */
    public static final SlotShare DEFAULT = new SlotShare(50);

    public SlotShare {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a dashboard's share of a data source is a percentage from 1 to 100");
        }
    }

    /** How many of a source's {@code sourceSlots} one holder may hold at once: the share rounded down, at least one. */
    public int perHolder(int sourceSlots) {
        if (sourceSlots < 1) {
            throw new IllegalArgumentException("a data source has at least one slot");
        }
        return Math.max(1, (int) ((long) sourceSlots * percent / 100));
    }

    /**
     * How many of the {@code wanted} slots a holder may take now when the most loaded of its keys
     * (its dashboard, its share) already holds {@code held}: what is left of its share, at most
     * {@code wanted}; zero means refused, at once, whatever the source has free.
     */
    public int grant(int wanted, int held, int sourceSlots) {
        if (wanted < 1 || held < 0) {
            throw new IllegalArgumentException("wanted at least one slot, held none or more");
        }
        return Math.max(0, Math.min(wanted, perHolder(sourceSlots) - held));
    }
}
