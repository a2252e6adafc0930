package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written byte by byte on a real socket: a request left half-sent, as a slow or broken
 * client or a connection cut by a shutdown leaves it, which no HTTP client library can send.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;

  /** A response read off the socket: status, headers by lower-case name, body. */
  record Response(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      return RunningServer.json(body);
    }
  }

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  static RawHttp connect(RunningServer service) throws IOException {
    Socket socket = new Socket(service.base.getHost(), service.base.getPort());
    socket.setSoTimeout(30_000);
    return new RawHttp(socket);
  }

  /**
   * The head of {@code POST /api/<project>/envelope/} with the project's key and a Content-Length
   * of {@code length}; the body is for {@link #send(byte[], int, int)}.
   */
  static String envelopeHead(RunningServer service, int length) {
    return "POST /api/"
        + service.project.id()
        + "/envelope/ HTTP/1.1\r\nHost: x\r\nX-Sentry-Auth: "
        + service.sentryAuth()
        + "\r\nContent-Type: application/x-sentry-envelope\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  void send(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    send(bytes, 0, bytes.length);
  }

  void send(byte[] bytes, int offset, int length) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes, offset, length);
    out.flush();
  }

  /** Ends what this client sends (a TCP half-close); the answer can still be read. */
  void endOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** One HTTP/1.1 response: the status line, headers, and a body of its Content-Length. */
  Response read() throws IOException {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    assertThat(lines[0]).as("status line of %s", head).startsWith("HTTP/1.1 ");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
    byte[] body = length >= 0 ? in.readNBytes(length) : readToEnd(in);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    byte[] end = {'\r', '\n', '\r', '\n'};
    int matched = 0;
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError(
            "the connection closed before a whole response head; got: "
                + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - end.length);
  }

  private static byte[] readToEnd(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (SocketException e) {
      return new byte[0];
    }
  }
}
