package io.dashshare.architecture.violations.domain.bad;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

@Singleton
public class UsesJakarta {
    private Provider<String> provider;
}
