package io.backforge.api.project;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.api.project.EventCursor.Event;
import io.backforge.workflows.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A project's progress as Server-Sent Events, for the REST API and the pages alike. A stream starts
 * with what the client has not seen (everything, or since its {@code Last-Event-ID}; see {@link
 * EventCursor}), then follows the project: one thread reads the followed projects' steps from
 * PostgreSQL every {@code poll-interval} and sends each stream what changed; once the project has
 * ended it sends the {@code end} event and completes the stream. Since every event id is a function
 * of the project's state, a client may resume at any web process.
 *
 * <p>A stream without a write for {@code heartbeat} gets a comment line, which keeps idle proxies
 * from cutting it and shows a client that left (the write fails), so its slot is freed. Each user
 * may have {@code max-streams-per-user} streams open; one more is {@code 429}. The thread starts
 * with the first stream, so a process that serves none holds nothing for it.
 */
@Component
@EnableConfigurationProperties(ProjectEventsProperties.class)
public class ProjectEvents implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProjectEvents.class);

  private final ProjectService service;
  private final ProjectStore projects;
  private final ProjectEventsProperties properties;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> openPerUser = new HashMap<>();
  private ScheduledExecutorService scheduler;
  private boolean stopped;

  ProjectEvents(ProjectService service, ProjectStore projects, ProjectEventsProperties properties) {
    this.service = service;
    this.projects = projects;
    this.properties = properties;
  }

  /** How many streams one user may have open at once. */
  public int maxStreamsPerUser() {
    return properties.maxStreamsPerUser();
  }

  /**
   * Opens a stream of {@code project}'s events for {@code user}, who may see it. Answers {@code
   * 204} when {@code lastEventId} says the client has seen the end of a project that has ended (an
   * {@code EventSource} then stops reconnecting); throws a {@code 429} problem when the user has
   * {@link #maxStreamsPerUser()} streams open.
   */
  public ResponseEntity<SseEmitter> open(String user, ProjectRecord project, String lastEventId) {
    EventCursor cursor = EventCursor.parse(lastEventId);
    if (cursor.sawEnd() && project.status().terminal()) {
      return ResponseEntity.noContent().build();
    }
    SseEmitter emitter = new SseEmitter(properties.maxDuration().toMillis());
    Stream stream = new Stream(user, project.id(), emitter, cursor);
    ScheduledExecutorService follower = admit(stream);
    emitter.onCompletion(() -> release(stream));
    emitter.onError(e -> release(stream));
    emitter.onTimeout(
        () -> {
          release(stream);
          emitter.complete();
        });
    follower.execute(() -> follow(project.id(), List.of(stream)));
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        // nginx would otherwise buffer the stream
        .header("X-Accel-Buffering", "no")
        .body(emitter);
  }

  private synchronized ScheduledExecutorService admit(Stream stream) {
    if (stopped) {
      throw new ProblemException(Problems.unavailable("The server is shutting down."));
    }
    int open = openPerUser.getOrDefault(stream.user, 0);
    if (open >= properties.maxStreamsPerUser()) {
      long retryAfter = Math.max(1, properties.heartbeat().toSeconds());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      throw new ProblemException(
          Problems.tooManyStreams(properties.maxStreamsPerUser(), retryAfter), headers);
    }
    openPerUser.put(stream.user, open + 1);
    streams.add(stream);
    if (scheduler == null) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "project-events");
                thread.setDaemon(true);
                return thread;
              });
      long every = properties.pollInterval().toMillis();
      scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }
    return scheduler;
  }

  private void release(Stream stream) {
    if (!stream.released.compareAndSet(false, true)) {
      return;
    }
    streams.remove(stream);
    synchronized (this) {
      openPerUser.computeIfPresent(stream.user, (user, open) -> open <= 1 ? null : open - 1);
    }
  }

  private void tick() {
    try {
      Map<UUID, List<Stream>> byProject = new HashMap<>();
      for (Stream stream : streams) {
        byProject.computeIfAbsent(stream.project, id -> new ArrayList<>()).add(stream);
      }
      byProject.forEach(this::follow);
    } catch (RuntimeException e) {
      // never let one failure end the schedule of every stream
      log.warn("Following project events failed: {}", e.getMessage());
    }
  }

  private void follow(UUID id, List<Stream> followers) {
    Progress progress;
    try {
      Optional<ProjectRecord> project = projects.find(id);
      if (project.isEmpty()) {
        followers.forEach(Stream::finish);
        return;
      }
      progress = service.progress(project.get());
    } catch (RuntimeException e) {
      log.debug("Could not read project {} for its events: {}", id, e.getMessage());
      followers.forEach(Stream::heartbeatIfDue);
      return;
    }
    followers.forEach(stream -> stream.advance(progress));
  }

  @Override
  public void start() {
    // the thread starts with the first stream
  }

  /**
   * Ends every stream (clients resume elsewhere), so a graceful shutdown need not wait for them.
   */
  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      stopped = true;
      running = scheduler;
    }
    if (running != null) {
      running.shutdownNow();
    }
    List.copyOf(streams).forEach(Stream::finish);
  }

  @Override
  public synchronized boolean isRunning() {
    return !stopped;
  }

  /** One open stream; written by the events thread only, after its first events. */
  private final class Stream {
    final String user;
    final UUID project;
    final SseEmitter emitter;
    final AtomicBoolean released = new AtomicBoolean();
    EventCursor cursor;
    long lastWrite = System.nanoTime();

    Stream(String user, UUID project, SseEmitter emitter, EventCursor cursor) {
      this.user = user;
      this.project = project;
      this.emitter = emitter;
      this.cursor = cursor;
    }

    synchronized void advance(Progress progress) {
      if (released.get()) {
        return;
      }
      try {
        for (Event event : cursor.eventsTo(progress)) {
          emitter.send(
              SseEmitter.event()
                  .id(event.after().id())
                  .name(event.name())
                  .data(event.data(), MediaType.APPLICATION_JSON));
          cursor = event.after();
          lastWrite = System.nanoTime();
        }
      } catch (IOException | IllegalStateException e) {
        left(e);
        return;
      }
      if (progress.status().terminal()) {
        finish();
      } else {
        heartbeatIfDue();
      }
    }

    synchronized void heartbeatIfDue() {
      if (released.get() || System.nanoTime() - lastWrite < properties.heartbeat().toNanos()) {
        return;
      }
      try {
        emitter.send(SseEmitter.event().comment("heartbeat"));
        lastWrite = System.nanoTime();
      } catch (IOException | IllegalStateException e) {
        left(e);
      }
    }

    synchronized void finish() {
      release(this);
      try {
        emitter.complete();
      } catch (RuntimeException e) {
        log.debug("Completing an event stream failed: {}", e.getMessage());
      }
    }

    /** The client is gone: free its slot; the container ends the request. */
    private void left(Exception e) {
      release(this);
      log.debug("An event stream of project {} ended: {}", project, e.getMessage());
      try {
        emitter.completeWithError(e);
      } catch (RuntimeException ignored) {
        // already completed
      }
    }
  }
}
