package io.dashshare.architecture.violations.adapter.persistence.bad;

import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/** A table class outside the generated package would escape the "generated code" rule. */
public class HandWrittenTable extends TableImpl<Record> {
    public HandWrittenTable() {
        super(DSL.name("hand_written"));
    }
}
