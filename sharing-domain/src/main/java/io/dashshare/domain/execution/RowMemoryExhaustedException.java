package io.dashshare.domain.execution;

/**
 * A statement refused for load because the process has no memory free for its rows (a
 * {@link RowBudget} with none to give): {@code TOO_BUSY} like a data source at its cap, so the whole
 * answer is 429, but told apart where refusals are counted (docs/filters.md, "Memory of an execution").
 * The other statements of the refused execution are stopped with {@link #again()}: the same
 * refusal, counted once.
 */
public final class RowMemoryExhaustedException extends QueryFailedException {

    private final boolean repeated;

    public RowMemoryExhaustedException(String diagnostic) {
        this(diagnostic, false);
    }

    private RowMemoryExhaustedException(String diagnostic, boolean repeated) {
        super(Reason.TOO_BUSY, diagnostic, null);
        this.repeated = repeated;
    }

    /** The same refusal, for another statement of the same execution. */
    public RowMemoryExhaustedException again() {
        return new RowMemoryExhaustedException(getMessage(), true);
    }

    /** True for {@link #again()}'s: the execution's refusal was already told once. */
    public boolean repeated() {
        return repeated;
    }
}
