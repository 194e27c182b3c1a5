package io.dashshare.architecture.violations.adapter.mail.bad;

import io.dashshare.architecture.violations.bootstrap.Wiring;

public class UsesBootstrap {
    private Wiring wiring;
}
