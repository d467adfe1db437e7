package io.backforge.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over {@link HttpClient}, as a script would read a stream: the
 * response's status and headers, then its events one by one, comment lines counted, until the
 * server ends the stream.
 */
public final class EventStream implements AutoCloseable {

  /** Longest wait for the next event before a test fails rather than hangs. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final Event END = new Event(null, null, null);

  /**
   * One event.
   *
   * @param id its {@code id:}, or {@code null}
   * @param name its {@code event:}, or {@code null}
   * @param data its {@code data:} lines joined
   */
  public record Event(String id, String name, String data) {}

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final StringBuffer text = new StringBuffer();
  private volatile int comments;
  private boolean ended;

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "event-stream-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code url} with {@code Accept: text/event-stream} and the given headers. */
  public static EventStream open(String url, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    headers.forEach(request::header);
    try {
      return new EventStream(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The next event, or {@code null} once the server has ended the stream. */
  public Event next() throws InterruptedException {
    if (ended) {
      return null;
    }
    Event event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + PATIENCE);
    }
    if (event == END) {
      ended = true;
      return null;
    }
    return event;
  }

  /** The next {@code count} events; fails if the stream ends before. */
  public List<Event> next(int count) throws InterruptedException {
    List<Event> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Event event = next();
      if (event == null) {
        throw new AssertionError("the stream ended after " + list + "");
      }
      list.add(event);
    }
    return list;
  }

  /** Every event until the server ends the stream. */
  public List<Event> rest() throws InterruptedException {
    List<Event> list = new ArrayList<>();
    for (Event event = next(); event != null; event = next()) {
      list.add(event);
    }
    return list;
  }

  /** The whole body, once the server ended it: for answers that are not streams (problems). */
  public String text() throws InterruptedException {
    rest();
    return text.toString();
  }

  /** How many comment lines (heartbeats) arrived so far. */
  public int comments() {
    return comments;
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        text.append(line).append('\n');
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments++;
        } else if (line.startsWith("id:")) {
          id = value(line);
        } else if (line.startsWith("event:")) {
          name = value(line);
        } else if (line.startsWith("data:")) {
          data = data == null ? new StringBuilder() : data.append('\n');
          data.append(value(line));
        }
      }
    } catch (RuntimeException closed) {
      // the test closed the stream, or the connection broke
    }
    events.add(END);
  }

  private static String value(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  /** Leaves the stream, as a client that goes away. */
  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
