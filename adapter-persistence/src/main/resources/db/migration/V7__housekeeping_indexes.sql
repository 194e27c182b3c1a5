-- What the housekeeping purges read (adapter-persistence housekeeping.Housekeeping): each finds the
-- rows past retention by an index, so that a purge batch costs the rows it removes, not a scan of
-- the table. rate_limit_counters has its window_start index since V1.
create index otp_challenges_expires_idx on sharing.otp_challenges (expires_at);
-- A session ends when it expires or is revoked, whichever comes first (least() skips a null).
create index share_sessions_ended_idx on sharing.share_sessions (least(expires_at, revoked_at));
