package io.dashshare.architecture.violations.adapter.persistence;

import io.dashshare.architecture.violations.adapter.persistence.jooq.ShareTable;
import io.dashshare.architecture.violations.domain.share.Share;

/** Allowed: the persistence adapter maps its own generated tables to the domain. */
public class ShareTableMapper {
    public Share toDomain(ShareTable table) {
        return new Share(table.getName());
    }
}
