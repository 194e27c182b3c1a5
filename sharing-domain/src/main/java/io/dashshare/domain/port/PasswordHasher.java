package io.dashshare.domain.port;

/** A slow, salted password hash. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
