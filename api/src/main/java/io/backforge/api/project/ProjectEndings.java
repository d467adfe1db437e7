package io.backforge.api.project;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes requests that wait for a project to end. A trigger on {@code projects} sends {@code NOTIFY
 * backforge_project_ended} with the project id whenever a project reaches an end state, in any
 * process; this component listens on one connection of its own and completes the futures of the
 * requests waiting for that project. Should the connection drop, it reconnects, and a sweep every
 * {@value #SWEEP_MILLIS} ms over the awaited projects catches what was sent meanwhile: a waiter is
 * never left to its timeout when its project has ended. The listener starts with the first waiter,
 * so a process that serves no such request (a worker) holds no connection for it.
 */
@Component
class ProjectEndings implements SmartLifecycle {

  static final String CHANNEL = "backforge_project_ended";
  static final long SWEEP_MILLIS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(ProjectEndings.class);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final Map<UUID, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
  private volatile boolean running;
  private boolean stopped;
  private Thread listener;

  ProjectEndings(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /**
   * A future completed when project {@code id} ends (or at once if it has ended); the caller checks
   * the project's status after registering, and calls {@link #forget} when it stops waiting.
   */
  CompletableFuture<Void> await(UUID id) {
    startListening();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    waiters.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(ended);
    return ended;
  }

  /** Stops tracking {@code future}, completed or not. */
  void forget(UUID id, CompletableFuture<Void> future) {
    waiters.computeIfPresent(
        id,
        (k, set) -> {
          set.remove(future);
          return set.isEmpty() ? null : set;
        });
  }

  private void ended(UUID id) {
    Set<CompletableFuture<Void>> set = waiters.remove(id);
    if (set != null) {
      set.forEach(f -> f.complete(null));
    }
  }

  private synchronized void startListening() {
    if (stopped || listener != null) {
      return;
    }
    running = true;
    listener = new Thread(this::listen, "project-endings");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public void start() {
    // the listener starts with the first waiter
  }

  @Override
  public synchronized void stop() {
    stopped = true;
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
    waiters.values().forEach(set -> set.forEach(f -> f.complete(null)));
    waiters.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return !stopped;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextSweep = 0;
        while (running) {
          PGNotification[] notifications = pg.getNotifications((int) SWEEP_MILLIS / 4);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              ended(UUID.fromString(notification.getParameter()));
            }
          }
          long now = System.nanoTime();
          if (now - nextSweep >= 0) {
            sweep();
            nextSweep = now + TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("Listening for project endings failed ({}); retrying in 1 s", e.getMessage());
        try {
          Thread.sleep(1_000);
          sweep();
        } catch (InterruptedException interrupted) {
          return;
        } catch (RuntimeException ignored) {
          // the database is still away; waiters run into their own timeouts meanwhile
        }
      }
    }
  }

  private void sweep() {
    if (waiters.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            SELECT id FROM projects
            WHERE id IN (:ids) AND status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
            """)
        .param("ids", java.util.List.copyOf(waiters.keySet()))
        .query(UUID.class)
        .list()
        .forEach(this::ended);
  }
}
