package io.backforge.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The docker-compose deployment's page sign-in: the {@code api} service's environment, bound the
 * way Spring Boot binds environment variables, registers the Keycloak realm's {@code backforge-web}
 * client without an issuer discovery call, and the realm lets it redirect back to the pages.
 */
class ComposePageLoginTests {

  private static final Path ROOT = Path.of("..");

  @Test
  void apiServiceEnvironmentRegistersThePagesKeycloakClient() throws IOException {
    Map<String, Object> environment = pageLoginEnvironment();
    assertThat(environment)
        .doesNotContainKey("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUER_URI");

    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            "compose-systemEnvironment", environment)))
        .run(
            context -> {
              ClientRegistration registration =
                  context
                      .getBean(ClientRegistrationRepository.class)
                      .findByRegistrationId("backforge");
              assertThat(registration.getClientId()).isEqualTo("backforge-web");
              assertThat(registration.getClientSecret()).isEqualTo("web-secret-from-env");
              assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
              assertThat(registration.getRedirectUri())
                  .isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
              var provider = registration.getProviderDetails();
              assertThat(provider.getAuthorizationUri())
                  .isEqualTo("http://localhost:8081/realms/backforge/protocol/openid-connect/auth");
              assertThat(provider.getTokenUri())
                  .isEqualTo("http://keycloak:8080/realms/backforge/protocol/openid-connect/token");
              assertThat(provider.getJwkSetUri())
                  .startsWith("http://keycloak:8080/realms/backforge/");
              assertThat(provider.getUserInfoEndpoint().getUri())
                  .startsWith("http://keycloak:8080/realms/backforge/");
              assertThat(provider.getUserInfoEndpoint().getUserNameAttributeName())
                  .isEqualTo("sub");
            });
  }

  @Test
  void realmsWebClientRedirectsOnlyToThePagesLoginCallbackAndRequiresPkce() throws IOException {
    JsonNode realm =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(ROOT.resolve("deploy/keycloak/backforge-realm.json")));
    JsonNode client = null;
    for (JsonNode candidate : realm.get("clients")) {
      if (candidate.get("clientId").asString().equals("backforge-web")) {
        client = candidate;
      }
    }
    assertThat(client).isNotNull();
    assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(client.get("secret").asString()).isEqualTo("${BACKFORGE_WEB_SECRET}");
    assertThat(client.get("redirectUris").values())
        .extracting(JsonNode::asString)
        .containsExactly("${BACKFORGE_WEB_URL}/login/oauth2/code/backforge");
    assertThat(client.get("attributes").get("pkce.code.challenge.method").asString())
        .isEqualTo("S256");
  }

  /**
   * The {@code api} service's OAuth2 client variables, with {@code ${BACKFORGE_WEB_SECRET:?…}}
   * standing for the value docker-compose would put there.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> pageLoginEnvironment() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> api = (Map<String, Object>) services.get("api");
    Map<String, Object> environment = new LinkedHashMap<>();
    ((Map<String, Object>) api.get("environment"))
        .forEach(
            (name, value) -> {
              if (name.startsWith("SPRING_SECURITY_OAUTH2_CLIENT_")) {
                environment.put(
                    name,
                    String.valueOf(value)
                        .replaceAll("\\$\\{BACKFORGE_WEB_SECRET[^}]*}", "web-secret-from-env"));
              }
            });
    assertThat(environment.keySet())
        .as("the api service's page login variables")
        .containsAll(
            List.of(
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_BACKFORGE_CLIENT_ID",
                "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_TOKEN_URI"));
    return environment;
  }
}
