package io.dashshare.domain.portal;

/** What presenting a refresh token did, decided atomically by the session store. */
public sealed interface RefreshOutcome {

    /** The token was fresh and is now spent: issue the next one in this session. */
    record Rotated(ShareSession session) implements RefreshOutcome {
    }

    /** The token had been spent already: a replay, so the whole session must be revoked. */
    record Replayed(ShareSession session) implements RefreshOutcome {
    }

    /** No such token. */
    record Unknown() implements RefreshOutcome {
    }
}
