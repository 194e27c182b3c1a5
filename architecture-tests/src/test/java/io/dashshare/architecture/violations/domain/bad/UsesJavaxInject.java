package io.dashshare.architecture.violations.domain.bad;

import javax.inject.Provider;

public class UsesJavaxInject {
    private Provider<String> provider;
}
