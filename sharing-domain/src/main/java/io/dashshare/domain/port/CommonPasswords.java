package io.dashshare.domain.port;

/** The passwords everybody tries first (docs/security.md#owners-1): compared case-insensitively. */
public interface CommonPasswords {

    boolean isCommon(String password);
}
