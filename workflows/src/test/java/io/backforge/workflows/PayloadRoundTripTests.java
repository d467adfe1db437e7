package io.backforge.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.workflows.payload.DraftError;
import io.backforge.workflows.payload.DraftInput;
import io.backforge.workflows.payload.DraftRequest;
import io.backforge.workflows.payload.DraftResult;
import io.backforge.workflows.payload.EnrichmentInput;
import io.backforge.workflows.payload.EnrichmentResult;
import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.GenerationRequest;
import io.backforge.workflows.payload.GenerationResult;
import io.backforge.workflows.payload.Outcome;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.SpecCheck;
import io.backforge.workflows.payload.TokenUsage;
import io.backforge.workflows.payload.VerificationInput;
import io.backforge.workflows.payload.VerificationResult;
import io.backforge.workflows.payload.ZipInput;
import io.backforge.workflows.payload.ZipResult;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadRoundTripTests {

  private final DataConverter converter = DefaultDataConverter.newDefaultInstance();

  static Stream<Object> payloads() {
    Progress progress =
        new Progress(
            ProjectStatus.FAILED,
            List.of(
                new StepProgress(Step.VALIDATE_SPEC, StepState.FAILED, 1, "bad", null, 10, 20),
                StepProgress.pending(Step.SCAFFOLD)),
            List.of("a warning"),
            "bad");
    FeaturePlan plan = new FeaturePlan(List.of("crud", "auth-jwt"), true, 2);
    return Stream.of(
        new GenerationRequest("3f1c"),
        new GenerationResult("abc", 10, 3, List.of("w")),
        new ProjectRef("3f1c"),
        new SpecCheck(4, 1),
        plan,
        new ScaffoldInput("3f1c", plan),
        new ScaffoldResult("def", 12, 3400, 1),
        new EnrichmentInput("3f1c", "def"),
        new EnrichmentResult(false, "def", "No model", List.of(), 1),
        new ZipInput("3f1c", "def"),
        new ZipResult("0a1b", 2048, 12, 3),
        new Outcome("3f1c", progress, null, 0),
        new Outcome(
            "3f1c",
            progress,
            "0a1b",
            2048,
            new Verification(VerificationState.FAILED, "1 failed", 3, 1, 0, "log", 900)),
        new FeaturePlan(List.of("crud"), false, 1, true, null),
        new VerificationInput("3f1c", "def"),
        new VerificationResult(Verification.skipped("no toolchain"), 1),
        progress,
        new DraftRequest("a library with books", "writer", 60_000),
        new DraftInput("a library with books", "writer"),
        DraftResult.drafted(
            "{\"name\":\"library\",\"entities\":[]}",
            List.of(new DraftError("/entities", "at least one entity")),
            new TokenUsage(1, 120, 80)),
        DraftResult.unavailable("No language model is configured"),
        DraftResult.failed("The language model rejected the credentials"));
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void everyPayloadSurvivesTemporalsDataConverter(Object payload) {
    Object back =
        converter.fromPayload(
            converter.toPayload(payload).orElseThrow(), payload.getClass(), payload.getClass());

    assertThat(back).isEqualTo(payload);
  }
}
