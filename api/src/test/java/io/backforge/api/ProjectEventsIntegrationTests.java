package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.ProjectStore;
import io.backforge.api.EventStream.Event;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/projects/{id}/events}: a project's progress as Server-Sent Events, read as a
 * script reads them. Most tests move a stored project through its steps by hand, as the workers'
 * reports would, so every event is known; one follows a real generation.
 */
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${BACKFORGE_TEST_DB:backforge}_events_test",
      "backforge.events.heartbeat=300ms",
      "backforge.events.poll-interval=100ms",
      "backforge.events.max-streams-per-user=3",
      // far shorter than any stream here: a stream must not be cut by the MVC async timeout
      "spring.mvc.async.request-timeout=1s"
    })
class ProjectEventsIntegrationTests extends IntegrationTest {

  private static final String SPEC =
      new String(ProjectApiIntegrationTests.spec("library.json"), StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired ProjectStore projects;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;

  String owner;
  String token;
  final List<EventStream> opened = new ArrayList<>();

  @BeforeEach
  void owner() {
    owner = "events-" + UUID.randomUUID();
    token = tokens.forSubject(owner);
  }

  @AfterEach
  void cleanUp() {
    opened.forEach(EventStream::close);
    jdbc.sql("DELETE FROM projects WHERE owner LIKE 'events-%' OR owner = 'someone-else'").update();
  }

  @Test
  void aRunningProjectsEventsArriveInOrderAndTheStreamEndsAfterItsStatus() throws Exception {
    UUID id = stored();
    EventStream stream = open(id, token, null);
    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

    List<Event> first = stream.next(7);
    assertThat(first)
        .extracting(Event::name)
        .containsExactly("status", "step", "step", "step", "step", "step", "step");
    assertThat(json(first.get(0)).get("status").asString()).isEqualTo("QUEUED");
    assertThat(first.subList(1, 7))
        .extracting(e -> json(e).get("id").asString())
        .containsExactly(
            "validate-spec", "create-features", "scaffold", "ai-enrichment", "verify", "zip");
    assertThat(first.subList(1, 7))
        .extracting(e -> json(e).get("state").asString())
        .containsOnly("PENDING");

    projects.markRunning(id);
    assertThat(json(stream.next()).get("status").asString()).isEqualTo("RUNNING");

    projects.stepStarted(id, Step.VALIDATE_SPEC, 1);
    JsonNode started = json(stream.next());
    assertThat(started.get("id").asString()).isEqualTo("validate-spec");
    assertThat(started.get("state").asString()).isEqualTo("RUNNING");
    assertThat(started.get("attempts").asInt()).isEqualTo(1);

    projects.stepEnded(id, Step.VALIDATE_SPEC, StepState.RUNNING, "database busy");
    JsonNode retrying = json(stream.next());
    assertThat(retrying.get("state").asString()).isEqualTo("RUNNING");
    assertThat(retrying.get("lastError").asString()).isEqualTo("database busy");

    projects.stepStarted(id, Step.VALIDATE_SPEC, 2);
    projects.stepEnded(id, Step.VALIDATE_SPEC, StepState.SUCCEEDED, null);
    JsonNode succeeded = lastStepEventOf(stream, "validate-spec", "SUCCEEDED");
    assertThat(succeeded.get("attempts").asInt()).isEqualTo(2);

    projects.recordOutcome(id, outcome(ProjectStatus.FAILED, "Scaffold failed"), null, null);
    List<Event> last = stream.rest();
    assertThat(last).isNotEmpty();
    Event end = last.get(last.size() - 1);
    assertThat(end.name()).isEqualTo("end");
    assertThat(json(end).get("status").asString()).isEqualTo("FAILED");
    assertThat(json(end).get("error").asString()).isEqualTo("Scaffold failed");
    assertThat(last.subList(0, last.size() - 1)).extracting(Event::name).containsOnly("step");

    List<Event> all = new ArrayList<>(first);
    all.addAll(last);
    assertThat(all).extracting(Event::id).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void resumingWithTheLastEventIdGivesTheRemainingEventsAndRepeatsNone() throws Exception {
    UUID id = stored();
    projects.markRunning(id);
    projects.stepStarted(id, Step.VALIDATE_SPEC, 1);
    projects.recordOutcome(id, outcome(ProjectStatus.SUCCEEDED, null), null, null);
    List<Event> uninterrupted = open(id, token, null).rest();
    assertThat(uninterrupted).extracting(Event::name).endsWith("end").hasSize(7);

    for (int seen = 1; seen < uninterrupted.size(); seen++) {
      EventStream interrupted = open(id, token, null);
      List<Event> before = interrupted.next(seen);
      interrupted.close();

      List<Event> after = open(id, token, before.get(seen - 1).id()).rest();

      List<Event> union = new ArrayList<>(before);
      union.addAll(after);
      assertThat(union).as("resumed after event " + seen).isEqualTo(uninterrupted);
    }
    EventStream afterTheEnd = open(id, token, uninterrupted.get(6).id());
    assertThat(afterTheEnd.status()).isEqualTo(204);
  }

  @Test
  void aStreamResumedWhileTheProjectRunsSendsOnlyWhatChangedMeanwhile() throws Exception {
    UUID id = stored();
    projects.markRunning(id);
    EventStream first = open(id, token, null);
    String lastSeen = first.next(7).get(6).id();
    first.close();

    projects.stepStarted(id, Step.VALIDATE_SPEC, 1);
    projects.stepEnded(id, Step.VALIDATE_SPEC, StepState.SUCCEEDED, null);
    projects.stepStarted(id, Step.CREATE_FEATURES, 1);
    EventStream resumed = open(id, token, lastSeen);

    List<Event> changed = resumed.next(2);
    assertThat(changed)
        .extracting(e -> json(e).get("id").asString() + " " + json(e).get("state").asString())
        .containsExactly("validate-spec SUCCEEDED", "create-features RUNNING");
    projects.markFailed(id, "stopped");
    assertThat(resumed.rest()).extracting(Event::name).containsExactly("end");
  }

  @Test
  void aMalformedLastEventIdStartsFromTheBeginning() throws Exception {
    UUID id = stored();
    projects.markFailed(id, "never ran");
    List<Event> fresh = open(id, token, null).rest();

    assertThat(open(id, token, "R.not-an-id").rest()).isEqualTo(fresh);
    assertThat(fresh).hasSize(7);
  }

  @Test
  void anotherOwnersProjectIsNotFoundAndAnAdminSeesIt() throws Exception {
    UUID id = UUID.randomUUID();
    projects.create(id, "someone-else", "foreign", "flask", SPEC);
    projects.markFailed(id, "ended");

    EventStream stranger = open(id, token, null);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.header("Content-Type")).startsWith("application/problem+json");
    assertThat(ApiClient.json(stranger.text()).get("type").asString())
        .isEqualTo("/problems/not-found");

    List<Event> seenByAdmin = open(id, tokens.withRoles("events-admin", "ADMIN"), null).rest();
    assertThat(seenByAdmin).extracting(Event::name).last().isEqualTo("end");
  }

  @Test
  void aStreamNeedsAToken() throws Exception {
    UUID id = stored();
    assertThat(open(id, null, null).status()).isEqualTo(401);
  }

  @Test
  void oneStreamMoreThanAUserMayOpenIsRefusedUntilASlotIsFree() throws Exception {
    List<UUID> running = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID id = stored();
      projects.markRunning(id);
      running.add(id);
      open(id, token, null).next(7);
    }
    UUID fourth = stored();

    EventStream refused = open(fourth, token, null);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    JsonNode problem = ApiClient.json(refused.text());
    assertThat(problem.get("type").asString()).isEqualTo("/problems/too-many-streams");
    assertThat(problem.get("limit").asInt()).isEqualTo(3);
    assertThat(open(fourth, tokens.forSubject(owner + "-other"), null).status())
        .as("another user's bound")
        .isEqualTo(404);

    projects.markFailed(running.get(0), "ended");
    assertThat(opened.get(0).rest()).extracting(Event::name).last().isEqualTo("end");
    EventStream accepted = openOnceASlotIsFree(fourth);
    assertThat(accepted.next().name()).isEqualTo("status");

    opened.get(1).close();
    EventStream afterALeave = openOnceASlotIsFree(stored());
    assertThat(afterALeave.next().name()).isEqualTo("status");
  }

  @Test
  void anIdleStreamGetsHeartbeatsAndOutlivesTheAsyncRequestTimeout() throws Exception {
    UUID id = stored();
    projects.markRunning(id);
    EventStream stream = open(id, token, null);
    stream.next(7);

    // five heartbeats of 300 ms: the stream has lived longer than the 1 s async timeout
    while (stream.comments() < 5) {
      Thread.sleep(50);
    }
    projects.markFailed(id, "stopped");

    assertThat(stream.rest()).extracting(Event::name).containsExactly("end");
  }

  @Test
  void aRealGenerationIsFollowedToItsEnd() throws Exception {
    ApiClient api = new ApiClient(port);
    byte[] spec =
        (SPEC.strip().substring(0, SPEC.strip().length() - 1) + ", \"verify\": false }")
            .getBytes(StandardCharsets.UTF_8);
    String id =
        ApiClient.json(api.postJson("/api/projects", token, spec).body()).get("id").asString();

    List<Event> events = open(UUID.fromString(id), token, null).rest();

    Event end = events.get(events.size() - 1);
    assertThat(end.name()).isEqualTo("end");
    assertThat(json(end).get("status").asString()).isEqualTo("SUCCEEDED");
    Map<String, String> lastStates = new LinkedHashMap<>();
    events.stream()
        .filter(e -> "step".equals(e.name()))
        .forEach(
            e -> lastStates.put(json(e).get("id").asString(), json(e).get("state").asString()));
    JsonNode project = ApiClient.json(api.get("/api/projects/" + id, token).body());
    Map<String, String> reported = new LinkedHashMap<>();
    project
        .get("steps")
        .forEach(s -> reported.put(s.get("id").asString(), s.get("state").asString()));
    assertThat(lastStates).isEqualTo(reported);
    assertThat(events).extracting(Event::id).doesNotContainNull().doesNotHaveDuplicates();
  }

  private EventStream openOnceASlotIsFree(UUID id) throws InterruptedException {
    // a client that left is noticed at the next write to its stream: a heartbeat at the latest
    for (int tries = 0; tries < 200; tries++) {
      EventStream stream = open(id, token, null);
      if (stream.status() == 200) {
        return stream;
      }
      assertThat(stream.status()).isEqualTo(429);
      Thread.sleep(100);
    }
    throw new AssertionError("no slot was freed");
  }

  private JsonNode lastStepEventOf(EventStream stream, String step, String state)
      throws InterruptedException {
    for (Event event = stream.next(); event != null; event = stream.next()) {
      JsonNode data = json(event);
      if (data.get("id").asString().equals(step) && data.get("state").asString().equals(state)) {
        return data;
      }
    }
    throw new AssertionError("the stream ended before " + step + " was " + state);
  }

  private UUID stored() {
    UUID id = UUID.randomUUID();
    projects.create(id, owner, "events", "flask", SPEC);
    return id;
  }

  private EventStream open(UUID id, String bearer, String lastEventId) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (bearer != null) {
      headers.put("Authorization", "Bearer " + bearer);
    }
    if (lastEventId != null) {
      headers.put("Last-Event-ID", lastEventId);
    }
    EventStream stream =
        EventStream.open("http://localhost:" + port + "/api/projects/" + id + "/events", headers);
    opened.add(stream);
    return stream;
  }

  private static Progress outcome(ProjectStatus status, String error) {
    List<StepProgress> steps =
        Arrays.stream(Step.values())
            .map(
                step ->
                    new StepProgress(
                        step,
                        status == ProjectStatus.SUCCEEDED ? StepState.SUCCEEDED : StepState.FAILED,
                        1,
                        null,
                        step.title() + " done",
                        1_000,
                        2_000))
            .toList();
    return new Progress(status, steps, List.of(), error);
  }

  private static JsonNode json(Event event) {
    return ApiClient.json(event.data());
  }
}
