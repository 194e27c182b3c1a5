package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.COMPANIES;
import static io.dashshare.adapter.persistence.jooq.Tables.COMPANY_GENERATIONS;
import static io.dashshare.adapter.persistence.jooq.Tables.DASHBOARDS;
import static io.dashshare.adapter.persistence.jooq.Tables.EMBED_KEYS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARES;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.CompanyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;

/**
 * The viewer's reads as one join each, rendered once ({@link PreparedRead}), and kept in memory
 * only as long as the company's generation (migration V2: moved by a trigger with every change of
 * the company, its dashboards, shares and embed keys) has not moved. A call with a kept answer
 * reads that one counter by primary key instead of the joined rows; a call that finds it moved
 * reads the rows again, counter included in the same statement, so what is kept is exactly what
 * was current at that counter. Nothing is ever answered from memory without that check, so a
 * change committed by any instance is seen by the next call here.
 */
public final class JooqViewerLookups implements ViewerLookups {

    /** Found rows only, so unknown tokens cannot fill it; past this size it starts over. */
    static final int MAX_KEPT = 10_000;

    private final PreparedRead shareByTokenHash;
    private final PreparedRead embedKey;
    private final PreparedRead dashboard;
    private final PreparedRead generation;
    private final Map<String, Kept<SharedView>> shares = new ConcurrentHashMap<>();
    private final Map<String, Kept<KeyOfCompany>> keys = new ConcurrentHashMap<>();
    private final Map<UUID, Kept<Dashboard>> dashboards = new ConcurrentHashMap<>();

    public JooqViewerLookups(DSLContext db) {
        this.shareByTokenHash = new PreparedRead(db, withGeneration(db, SHARES.fields(),
                COMPANIES.fields(), DASHBOARDS.fields())
                .from(SHARES)
                .join(COMPANIES).on(COMPANIES.ID.eq(SHARES.COMPANY_ID))
                .join(DASHBOARDS).on(DASHBOARDS.ID.eq(SHARES.DASHBOARD_ID), DASHBOARDS.COMPANY_ID.eq(SHARES.COMPANY_ID))
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(SHARES.COMPANY_ID))
                .where(SHARES.TOKEN_HASH.eq(DSL.param("token_hash", String.class))));
        this.embedKey = new PreparedRead(db, withGeneration(db, EMBED_KEYS.fields(),
                COMPANIES.fields())
                .from(EMBED_KEYS)
                .join(COMPANIES).on(COMPANIES.ID.eq(EMBED_KEYS.COMPANY_ID))
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(EMBED_KEYS.COMPANY_ID))
                .where(EMBED_KEYS.KID.eq(DSL.param("kid", String.class))));
        this.dashboard = new PreparedRead(db, withGeneration(db, DASHBOARDS.fields())
                .from(DASHBOARDS)
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(DASHBOARDS.COMPANY_ID))
                .where(DASHBOARDS.COMPANY_ID.eq(DSL.param("company_id", UUID.class)),
                        DASHBOARDS.ID.eq(DSL.param("id", UUID.class))));
        this.generation = new PreparedRead(db, db.select(COMPANY_GENERATIONS.GENERATION).from(COMPANY_GENERATIONS)
                .where(COMPANY_GENERATIONS.COMPANY_ID.eq(DSL.param("company_id", UUID.class))));
    }

    /** A select of the company's generation followed by {@code groups} of columns. */
    private static SelectSelectStep<Record> withGeneration(DSLContext db, Field<?>[]... groups) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(COMPANY_GENERATIONS.GENERATION);
        for (Field<?>[] group : groups) {
            fields.addAll(List.of(group));
        }
        return db.select(fields);
    }

    @Override
    public Optional<SharedView> shareByTokenHash(TokenHash hash) {
        return kept(shares, hash.hex(), view -> view.company().id(), () -> shareByTokenHash.fetchFirst(hash.hex()),
                row -> new SharedView(RecordMappers.share(row.into(SHARES)), RecordMappers.company(row.into(COMPANIES)),
                        RecordMappers.dashboard(row.into(DASHBOARDS))), new long[1]);
    }

    @Override
    public Optional<KeyOfCompany> embedKey(EmbedKeyId id) {
        long[] generationRead = new long[1];
        Optional<KeyOfCompany> key = kept(keys, id.value(), found -> found.company().id(),
                () -> embedKey.fetchFirst(id.value()),
                row -> new KeyOfCompany(RecordMappers.embedKey(row.into(EMBED_KEYS)),
                        RecordMappers.company(row.into(COMPANIES)), null),
                generationRead);
        // The dashboards as of the generation just read for the key: a kept dashboard of that very
        // generation needs no second check; any other is read again (and is then newer, never older).
        return key.map(found -> new KeyOfCompany(found.key(), found.company(),
                dashboardId -> dashboard(found.company().id(), dashboardId, generationRead[0])));
    }

    private Optional<Dashboard> dashboard(CompanyId company, DashboardId id, long generationOfKey) {
        Kept<Dashboard> kept = dashboards.get(id.value());
        // Kept by id alone: another company asking for this id reads (and finds nothing), as in the catalog.
        if (kept != null && kept.generation() == generationOfKey && kept.value().companyId().equals(company)) {
            return Optional.of(kept.value());
        }
        return read(dashboards, id.value(), () -> dashboard.fetchFirst(company.value(), id.value()),
                row -> RecordMappers.dashboard(row.into(DASHBOARDS)), new long[1]);
    }

    /**
     * The answer kept for {@code key} if its company's generation has not moved since it was read;
     * otherwise the rows read again ({@code read}), kept with the generation read alongside them.
     * {@code generationRead[0]} receives the generation the answer is current at.
     */
    private <K, V> Optional<V> kept(Map<K, Kept<V>> store, K key, Function<V, CompanyId> companyOf,
                                    Supplier<Optional<Record>> read, Function<Record, V> map, long[] generationRead) {
        Kept<V> kept = store.get(key);
        if (kept != null) {
            long current = currentGeneration(companyOf.apply(kept.value()));
            if (kept.generation() == current) {
                generationRead[0] = current;
                return Optional.of(kept.value());
            }
        }
        return read(store, key, read, map, generationRead);
    }

    private <K, V> Optional<V> read(Map<K, Kept<V>> store, K key, Supplier<Optional<Record>> read,
                                    Function<Record, V> map, long[] generationRead) {
        Optional<Record> row = read.get();
        if (row.isEmpty()) {
            store.remove(key);
            return Optional.empty();
        }
        V value = map.apply(row.get());
        Long generation = row.get().get(COMPANY_GENERATIONS.GENERATION);
        if (generation == null) {
            store.remove(key);
            generationRead[0] = -1;
        } else {
            if (store.size() >= MAX_KEPT) {
                store.clear();
            }
            store.put(key, new Kept<>(value, generation));
            generationRead[0] = generation;
        }
        return Optional.of(value);
    }

    /** The company's generation now; {@code -1} (matching nothing kept) when it has none. */
    private long currentGeneration(CompanyId company) {
        return generation.fetchFirst(company.value())
                .map(row -> row.get(COMPANY_GENERATIONS.GENERATION)).orElse(-1L);
    }

    private record Kept<V>(V value, long generation) {
    }
}
