package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.generation.GenerationActivitiesImpl;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.Toolchain;
import io.backforge.activities.verification.VerificationActivitiesImpl;
import io.backforge.templates.spec.Stack;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationActivities;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.VerificationInput;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the verification integration tests share: the real activities on Temporal's activity test
 * environment over the real PostgreSQL, sample specs scaffolded into the store, and stored projects
 * with files changed or added.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class)
abstract class VerifyingIntegrationTest {

  @Autowired GenerationActivitiesImpl generation;
  @Autowired VerificationActivitiesImpl verification;
  @Autowired ProjectStore projects;
  @Autowired BlobStore blobs;
  @Autowired Toolchain toolchain;

  TestActivityEnvironment env;
  GenerationActivities steps;
  VerificationActivities verifier;

  @BeforeEach
  void environment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(generation, verification);
    steps = env.newActivityStub(GenerationActivities.class);
    verifier = env.newActivityStub(VerificationActivities.class);
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  /** A scaffolded project: its id and manifest. */
  record Scaffolded(String projectId, String manifestHash) {}

  /** The sample {@code spec} for {@code stack}, scaffolded; skips without its toolchain. */
  Scaffolded scaffold(String spec, Stack stack) {
    Assumptions.assumeTrue(toolchain.available(stack), () -> toolchain.missing(stack));
    String json = read(spec).replace("\"stack\": \"flask\"", "\"stack\": \"" + stack.json() + "\"");
    assertThat(json).contains("\"stack\": \"" + stack.json() + "\"");
    ProjectRecord project =
        projects.create(UUID.randomUUID(), "tester", "library-service", stack.json(), json);
    String id = project.id().toString();
    ScaffoldResult result =
        steps.scaffold(new ScaffoldInput(id, steps.createFeatures(new ProjectRef(id))));
    return new Scaffolded(id, result.manifestHash());
  }

  /** The verification of the files of {@code manifestHash}, a version of project {@code id}. */
  Verification verify(String projectId, String manifestHash) {
    return verifier.verify(new VerificationInput(projectId, manifestHash)).verification();
  }

  /** A stored manifest like {@code manifestHash}'s, with {@code files} replaced or added. */
  String withFiles(String manifestHash, Map<String, byte[]> files) {
    Manifest manifest = Manifest.parse(blobs.get(manifestHash).orElseThrow());
    TreeMap<String, String> changed = new TreeMap<>(manifest.files());
    files.forEach((path, content) -> changed.put(path, blobs.put(content)));
    return blobs.put(new Manifest(manifest.rootFolder(), changed).toBytes());
  }

  static String read(String name) {
    try (InputStream in = VerifyingIntegrationTest.class.getResourceAsStream("/specs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
