package io.dashshare.architecture.violations.adapter.http.bad;

import io.dashshare.architecture.violations.adapter.persistence.ShareTableMapper;

public class UsesPersistenceAdapter {
    private ShareTableMapper mapper;
}
