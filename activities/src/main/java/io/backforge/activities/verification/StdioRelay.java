package io.backforge.activities.verification;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs inside the sandbox, next to a generated app: the only way in and out of the sandbox's own
 * network namespace, which nothing outside can reach. It waits until the app accepts connections on
 * its loopback port, prints {@code READY}, then relays one HTTP exchange per frame: it reads {@code
 * <length>\n<request bytes>} from stdin, sends the request to the app on a new connection and
 * writes {@code <length>\n<response bytes>} (everything the app sent until it closed the
 * connection) to stdout, or {@code ERR <message>\n}. It ends at the end of stdin.
 *
 * <p>The worker writes this class file (one file: no nested classes, no lambdas) into a directory
 * shown read-only in the sandbox and runs it with the worker's own JDK; it uses the JDK only.
 *
 * <p>Arguments: host, port, how many milliseconds to wait for the app, and the app's process id:
 * when that process ends before the port accepts, the relay prints {@code EXITED} and ends at once.
 */
final class StdioRelay {

  static final String READY = "READY";
  static final String EXITED = "EXITED";
  static final String NOT_READY = "NOT READY";
  static final String ERROR = "ERR ";

  private static final int CONNECT_MILLIS = 5_000;
  private static final int READ_MILLIS = 30_000;
  private static final int MAX_FRAME = 16 * 1024 * 1024;

  private StdioRelay() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    InetSocketAddress app = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000L;
    long pid = Long.parseLong(args[3]);
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    String state = waitFor(app, deadline, pid);
    out.write((state + "\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    if (!state.equals(READY)) {
      System.exit(3);
    }
    InputStream in = new BufferedInputStream(System.in);
    String header;
    while ((header = line(in)) != null) {
      int length = Integer.parseInt(header.strip());
      if (length < 0 || length > MAX_FRAME) {
        throw new IOException("bad frame length " + length);
      }
      byte[] request = in.readNBytes(length);
      byte[] response;
      try {
        response = exchange(app, request);
      } catch (IOException e) {
        String message = String.valueOf(e.getMessage()).replace('\n', ' ');
        out.write(
            (ERROR + e.getClass().getSimpleName() + ": " + message + "\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        continue;
      }
      out.write((response.length + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(response);
      out.flush();
    }
  }

  private static String waitFor(InetSocketAddress app, long deadline, long pid)
      throws InterruptedException {
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(app, CONNECT_MILLIS);
        return READY;
      } catch (IOException notYet) {
        // the app is still starting
      }
      if (!alive(pid)) {
        return EXITED;
      }
      if (System.nanoTime() > deadline) {
        return NOT_READY;
      }
      Thread.sleep(20);
    }
  }

  /**
   * Whether process {@code pid} runs: the app is this process's child, so when it exits it stays a
   * zombie that {@link ProcessHandle#isAlive} counts as alive; its state in {@code /proc} does not.
   */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] exchange(InetSocketAddress app, byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(app, CONNECT_MILLIS);
      socket.setSoTimeout(READ_MILLIS);
      OutputStream toApp = socket.getOutputStream();
      toApp.write(request);
      toApp.flush();
      return socket.getInputStream().readNBytes(MAX_FRAME);
    }
  }

  /** One line without its {@code \n}, or {@code null} at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      bytes.write(c);
    }
    if (c == -1 && bytes.size() == 0) {
      return null;
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
