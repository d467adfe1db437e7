package io.backforge.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a real server, which a test can take down and bring back to see how
 * the application behaves while its dependency is unreachable.
 */
final class TcpProxy implements AutoCloseable {

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  TcpProxy(int port, String targetHost, int targetPort) {
    this.port = port;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  int port() {
    return port;
  }

  /** Accepts connections and forwards them. */
  synchronized void start() throws IOException {
    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    ServerSocket listening = server;
    Thread acceptor =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket upstream = new Socket(targetHost, targetPort);
                  open.add(client);
                  open.add(upstream);
                  pump(client, upstream);
                  pump(upstream, client);
                } catch (IOException e) {
                  return;
                }
              }
            },
            "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Refuses new connections and cuts every open one, as a crashed server would. */
  synchronized void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private static void pump(Socket from, Socket to) {
    Thread pump =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other side went away
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "tcp-proxy-pump");
    pump.setDaemon(true);
    pump.start();
  }
}
