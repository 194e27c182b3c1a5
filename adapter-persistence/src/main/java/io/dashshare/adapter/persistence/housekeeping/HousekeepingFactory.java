package io.dashshare.adapter.persistence.housekeeping;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.gate.DatabaseGate;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The housekeeping bean, over the service database behind its gate; bootstrap schedules it. */
@Factory
public class HousekeepingFactory {

    @Singleton
    Housekeeping housekeeping(DatabaseGate gate) {
        return Housekeeping.standard(SharingDatabase.dslContext(gate.dataSource()));
    }
}
