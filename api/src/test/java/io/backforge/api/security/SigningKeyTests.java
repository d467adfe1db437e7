package io.backforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyTests {

  @Test
  void aConfiguredPemKeySignsWithAStableKeyId() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";

    RSAKey first = IssuerConfiguration.signingKey(pem);
    RSAKey second = IssuerConfiguration.signingKey(pem);

    assertThat(first.isPrivate()).isTrue();
    assertThat(first.getKeyID()).isEqualTo(second.getKeyID());
    assertThat(first.toPublicJWK()).isEqualTo(second.toPublicJWK());
  }

  @Test
  void withoutAConfiguredKeyEachStartMakesItsOwn() {
    assertThat(IssuerConfiguration.signingKey(null).getKeyID())
        .isNotEqualTo(IssuerConfiguration.signingKey("").getKeyID());
  }

  @Test
  void somethingThatIsNoKeyIsRefusedWithHowToMakeOne() {
    assertThatThrownBy(() -> IssuerConfiguration.signingKey("not a key"))
        .hasMessageContaining("BACKFORGE_ISSUER_SIGNING_KEY")
        .hasMessageContaining("openssl genpkey");
  }
}
