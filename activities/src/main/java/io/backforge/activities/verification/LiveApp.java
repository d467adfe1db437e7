package io.backforge.activities.verification;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A generated app running in the sandbox, reachable only through {@link StdioRelay} on the
 * sandbox's stdin and stdout: the sandbox keeps its own network namespace, so nothing else can
 * reach the app and the app can reach nothing. One {@code bwrap} runs {@code sh -c 'app >&2 & exec
 * java StdioRelay ...'}; the app's output goes to stderr, kept for the log. Closing ends the relay,
 * and with it the sandbox and everything in it.
 */
final class LiveApp implements Closeable {

  /** The app's port inside the sandbox's own network namespace, where nothing else listens. */
  static final int PORT = 8080;

  private static final int MAX_LOG = 64 * 1024;
  private static final int MAX_RESPONSE = 16 * 1024 * 1024;

  /** An HTTP request: {@code target} is the path with its query string. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {}

  /** An HTTP response as the app sent it; the body de-chunked. */
  record Response(int status, Map<String, String> headers, byte[] body) {

    /** A header's value by its name in any case, or {@code null}. */
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Why the app is not there to talk to. */
  static final class NotStarted extends Exception {
    private final String log;

    NotStarted(String message, String log) {
      super(message);
      this.log = log;
    }

    /** What the app printed. */
    String log() {
      return log;
    }
  }

  private final Process process;
  private final InputStream out;
  private final OutputStream in;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final Thread logReader;
  private final Path relayDir;
  private final RunningProcesses running;

  private LiveApp(Process process, Path relayDir, RunningProcesses running) {
    this.process = process;
    this.running = running;
    this.relayDir = relayDir;
    this.out = new BufferedInputStream(process.getInputStream());
    this.in = process.getOutputStream();
    this.logReader = new Thread(this::readLog, "live-app-log");
    logReader.setDaemon(true);
    logReader.start();
  }

  /**
   * Starts {@code app} (words of a command, run by {@code /bin/sh} in {@link Sandbox#PROJECT}) with
   * the relay in a sandbox on {@code project}, and waits until the app accepts connections.
   *
   * @param limit the time limit of the whole sandbox run, start-up and requests
   * @param startup how long the app may take to accept connections
   * @param running where the sandbox is tracked, so that a stopped verification kills it
   * @throws NotStarted when the app exits or does not listen within {@code startup}
   */
  static LiveApp start(
      Path project,
      Sandbox.Options options,
      Duration limit,
      Duration startup,
      List<String> app,
      RunningProcesses running)
      throws NotStarted {
    Path relayDir = writeRelay();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> readOnly = new ArrayList<>(options.readOnly());
    readOnly.add(relayDir.toString());
    if (!java.startsWith("/usr/")) {
      readOnly.add(System.getProperty("java.home"));
    }
    Sandbox.Options withRelay =
        new Sandbox.Options(options.memoryBytes(), readOnly, options.environment());
    List<String> relay =
        List.of(
            java,
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx32m",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=16m",
            "-XX:CompressedClassSpaceSize=32m",
            "-cp",
            relayDir.toString(),
            StdioRelay.class.getName(),
            "127.0.0.1",
            Integer.toString(PORT),
            Long.toString(startup.toMillis()),
            "$!");
    String script = shell(app) + " 1>&2 </dev/null & exec " + shell(relay).replace("'$!'", "$!");
    List<String> command = Sandbox.command(project, limit, withRelay, "/bin/sh", "-c", script);
    Process process;
    try {
      // JAVA_TOOL_OPTIONS of the worker's environment would reach neither: bwrap clears it.
      process = running.start(new ProcessBuilder(command));
    } catch (IOException e) {
      VerificationActivitiesImpl.delete(relayDir);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      VerificationActivitiesImpl.delete(relayDir);
      throw e;
    }
    LiveApp live = new LiveApp(process, relayDir, running);
    String state;
    try {
      state = live.line();
    } catch (IOException e) {
      state = null;
    }
    if (StdioRelay.READY.equals(state)) {
      return live;
    }
    live.close();
    String why =
        StdioRelay.EXITED.equals(state)
            ? "the app exited before it accepted connections"
            : StdioRelay.NOT_READY.equals(state)
                ? "the app did not start within " + startup.toSeconds() + " s"
                : "the sandbox ended before the app started";
    throw new NotStarted(why, live.log());
  }

  /** Sends {@code request} to the app on a new connection and returns its response. */
  Response send(Request request) throws IOException {
    byte[] bytes = encode(request);
    in.write((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
    in.write(bytes);
    in.flush();
    String header = line();
    if (header == null) {
      throw new IOException("the sandbox ended (the time limit, or the app died)");
    }
    if (header.startsWith(StdioRelay.ERROR)) {
      throw new IOException(header.substring(StdioRelay.ERROR.length()));
    }
    int length = Integer.parseInt(header.strip());
    if (length < 0 || length > MAX_RESPONSE) {
      throw new IOException("bad frame length " + length);
    }
    return decode(out.readNBytes(length));
  }

  /** What the app printed so far (its end, at most 64 KiB kept). */
  String log() {
    synchronized (log) {
      return log.toString(StandardCharsets.UTF_8);
    }
  }

  /** Ends the relay and so the sandbox, and waits for the app's output. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the relay is gone already
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      logReader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      running.finished(process);
      VerificationActivitiesImpl.delete(relayDir);
    }
  }

  private void readLog() {
    byte[] buffer = new byte[8192];
    try (InputStream err = process.getErrorStream()) {
      int n;
      while ((n = err.read(buffer)) != -1) {
        synchronized (log) {
          log.write(buffer, 0, n);
          if (log.size() > 2 * MAX_LOG) {
            byte[] all = log.toByteArray();
            log.reset();
            log.write(all, all.length - MAX_LOG, MAX_LOG);
          }
        }
      }
    } catch (IOException ignored) {
      // the sandbox is gone: what was read is what there is
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = out.read()) != -1 && c != '\n') {
      if (bytes.size() > 4096) {
        throw new IOException("the relay sent a line too long");
      }
      bytes.write(c);
    }
    if (c == -1 && bytes.size() == 0) {
      return null;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static byte[] encode(Request request) {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(PORT).append("\r\n");
    head.append("Connection: close\r\n");
    request.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (request.body() != null) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    if (request.body() != null) {
      bytes.writeBytes(request.body());
    }
    return bytes.toByteArray();
  }

  static Response decode(byte[] raw) throws IOException {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      throw new IOException("not an HTTP response: " + preview(raw));
    }
    List<String> lines =
        List.of(new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n", -1));
    String[] statusLine = lines.get(0).split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + lines.get(0));
    }
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status line: " + lines.get(0), e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    int start = end + 4;
    byte[] body;
    String encoding = headers.get("transfer-encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = dechunk(raw, start);
    } else {
      int length = raw.length - start;
      String declared = headers.get("content-length");
      if (declared != null) {
        try {
          length = Math.min(length, Integer.parseInt(declared));
        } catch (NumberFormatException ignored) {
          // an unreadable Content-Length: the body runs to the end of the connection
        }
      }
      body = new byte[length];
      System.arraycopy(raw, start, body, 0, length);
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] raw, int start) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = start;
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    while (true) {
      int lineEnd = indexOf(raw, crlf, at);
      if (lineEnd < 0) {
        throw new IOException("truncated chunked body");
      }
      String size = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
      int semicolon = size.indexOf(';');
      int length;
      try {
        length =
            Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + size, e);
      }
      at = lineEnd + 2;
      if (length == 0) {
        return body.toByteArray();
      }
      if (length < 0 || at + length > raw.length) {
        throw new IOException("truncated chunked body");
      }
      body.write(raw, at, length);
      at += length + 2;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String preview(byte[] raw) {
    String text = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.UTF_8);
    return text.isEmpty() ? "(nothing)" : text;
  }

  /** The words joined for {@code sh}, each single-quoted. */
  static String shell(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String word : words) {
      quoted.add("'" + word.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }

  /** The relay's class file in a new directory, laid out by package. */
  private static Path writeRelay() {
    String resource = StdioRelay.class.getName().replace('.', '/') + ".class";
    try (InputStream bytes = StdioRelay.class.getClassLoader().getResourceAsStream(resource)) {
      if (bytes == null) {
        throw new IllegalStateException("no class file " + resource);
      }
      Path dir = Files.createTempDirectory("backforge-relay");
      Path file = dir.resolve(resource);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes.readAllBytes());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
