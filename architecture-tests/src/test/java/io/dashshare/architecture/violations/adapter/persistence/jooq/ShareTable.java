package io.dashshare.architecture.violations.adapter.persistence.jooq;

import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/** Stands in for a jOOQ generated table. */
public class ShareTable extends TableImpl<Record> {
    public ShareTable() {
        super(DSL.name("share"));
    }
}
