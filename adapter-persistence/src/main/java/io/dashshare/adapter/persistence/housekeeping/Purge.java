package io.dashshare.adapter.persistence.housekeeping;

import java.time.Instant;

/**
 * Keeps one table small: removes its rows that stopped mattering longer ago than its retention.
 * {@link RowPurge} deletes rows in batches; a table partitioned by time (the audit events,
 * {@link AuditPartitions}) drops whole partitions instead, behind the same two methods.
 */
public interface Purge {

    /** The table, unqualified ({@code otp_challenges}): the metric's tag and the log's word for it. */
    String table();

    /** Removes what is past retention at {@code now}; returns how many rows went. Safe on several instances at once. */
    long run(Instant now);
}
