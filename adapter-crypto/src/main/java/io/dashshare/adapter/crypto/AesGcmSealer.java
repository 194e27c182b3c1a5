package io.dashshare.adapter.crypto;

import io.dashshare.domain.port.Sealer;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link Sealer} on the JDK's AES-256-GCM: a fresh 96-bit nonce from the CSPRNG per seal and a
 * 128-bit tag; the context is the additional authenticated data. Sealed bytes are
 * {@code version (1) || nonce (12) || ciphertext+tag}, so a later format can be told apart.
 */
public final class AesGcmSealer implements Sealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public AesGcmSealer(byte[] key) {
        this(key, new SecureRandom());
    }

    AesGcmSealer(byte[] key, SecureRandom random) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("AES-256-GCM needs a 256-bit key");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, context, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    @Override
    public byte[] open(byte[] sealed, byte[] context) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new BrokenSealException("not a sealed value of this format", null);
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, nonce, context, sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    }

    private byte[] run(int mode, byte[] nonce, byte[] context, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new BrokenSealException("the seal does not verify: altered, or sealed under another key or context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every JDK", e);
        }
    }
}
