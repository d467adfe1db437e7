package io.backforge.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTests {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void aSealedTokenDecryptsAndHoldsNoCleartext() {
    TokenCipher cipher = TokenCipher.of(KEY);
    byte[] sealed = cipher.encrypt("ghp_secretToken123");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secretToken");
    assertThat(cipher.decrypt(sealed)).isEqualTo("ghp_secretToken123");
  }

  @Test
  void theSameTokenSealsDifferentlyEachTime() {
    TokenCipher cipher = TokenCipher.of(KEY);
    assertThat(cipher.encrypt("t")).isNotEqualTo(cipher.encrypt("t"));
  }

  @Test
  void aTokenSealedUnderAnotherKeyDoesNotDecrypt() {
    byte[] sealed = TokenCipher.random().encrypt("ghp_secret");
    assertThatThrownBy(() -> TokenCipher.of(KEY).decrypt(sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysOfTheWrongSizeOrNotBase64AreRefused() {
    assertThatThrownBy(() -> TokenCipher.of(Base64.getEncoder().encodeToString(new byte[10])))
        .hasMessageContaining("16, 24 or 32");
    assertThatThrownBy(() -> TokenCipher.of("not base64!")).hasMessageContaining("Base64");
  }
}
