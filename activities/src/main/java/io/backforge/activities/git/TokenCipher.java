package io.backforge.activities.git;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts git tokens at rest with AES-GCM: a fresh 12-byte nonce per token, stored before the
 * ciphertext and its 128-bit tag. A token encrypted under another key does not decrypt.
 */
public final class TokenCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private TokenCipher(SecretKey key) {
    this.key = key;
  }

  /** A cipher with the key in {@code base64} (16, 24 or 32 bytes). */
  public static TokenCipher of(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BACKFORGE_GIT_TOKEN_KEY is not Base64");
    }
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalArgumentException(
          "BACKFORGE_GIT_TOKEN_KEY must be the Base64 of 16, 24 or 32 bytes");
    }
    return new TokenCipher(new SecretKeySpec(raw, "AES"));
  }

  /** A cipher with a random 256-bit key, gone when the process ends. */
  public static TokenCipher random() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return new TokenCipher(new SecretKeySpec(raw, "AES"));
  }

  /** The nonce, ciphertext and tag of {@code token}. */
  public byte[] encrypt(String token) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The token {@link #encrypt} sealed; an {@link IllegalArgumentException} under another key. */
  public String decrypt(byte[] sealed) {
    if (sealed.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("not a sealed token");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException("the token was sealed under another key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }
}
