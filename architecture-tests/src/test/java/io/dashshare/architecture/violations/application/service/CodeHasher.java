package io.dashshare.architecture.violations.application.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Allowed: the application hashes codes with the JDK's HMAC. */
public class CodeHasher {
    public byte[] hash(byte[] secret, String code) throws GeneralSecurityException {
        Key key = new SecretKeySpec(secret, "HmacSHA256");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
    }
}
