package io.dashshare.architecture.violations.application.port.in.bad;

/** In port.in, but a class: a driving adapter would be bound to an implementation. */
public class RevokeShareUseCase {
    public void revoke(String token) {
    }
}
