package dev.gonogo.it.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gonogo.it.support.CandidateApi.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 POST over a plain socket that reads the answer while the body is still being sent, as
 * curl does. A server may refuse an oversized body before reading it (413 by its Content-Length, or
 * once the limit is read) and close the connection; a client that only reads after sending
 * everything (the JDK's HttpClient) then sometimes loses the answer to the reset that closing with
 * unread data causes. Reading early gets the answer the server sent.
 */
public final class RawHttp {
  private RawHttp() {}

  /**
   * Posts {@code body} to {@code base + path} with a Content-Length, or chunked when {@code
   * chunked}; the socket is bounded by {@code timeout}.
   */
  public static Answer post(
      URI base,
      String path,
      Map<String, String> headers,
      byte[] body,
      boolean chunked,
      Duration timeout) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(base.getHost(), base.getPort()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      StringBuilder head = new StringBuilder();
      head.append("POST ").append(path).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append(
          chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      Thread sender =
          new Thread(
              () -> {
                try {
                  out.write(head.toString().getBytes(ISO_8859_1));
                  writeBody(out, body, chunked);
                  out.flush();
                } catch (IOException refusedEarly) {
                  // The server answered and closed before taking the whole body: expected here.
                }
              },
              "raw-http-sender");
      sender.setDaemon(true);
      sender.start();
      Answer answer = read(socket.getInputStream(), start);
      sender.join(timeout.toMillis());
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "POST "
              + base.resolve(path)
              + " ("
              + body.length
              + " bytes"
              + (chunked ? ", chunked" : "")
              + ") got no answer after "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms: "
              + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void writeBody(OutputStream out, byte[] body, boolean chunked) throws IOException {
    if (!chunked) {
      out.write(body);
      return;
    }
    for (int offset = 0; offset < body.length; offset += 64 * 1024) {
      int n = Math.min(64 * 1024, body.length - offset);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(ISO_8859_1));
      out.write(body, offset, n);
      out.write("\r\n".getBytes(ISO_8859_1));
    }
    out.write("0\r\n\r\n".getBytes(ISO_8859_1));
  }

  /** Status line, headers, then the body by Content-Length (or to the end of the stream). */
  private static Answer read(InputStream in, long start) throws IOException {
    String status = line(in);
    if (status.isEmpty()) {
      throw new IOException("the connection closed before a status line");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    List<String> length = headers.get("Content-Length");
    byte[] body =
        length != null ? in.readNBytes(Integer.parseInt(length.get(0))) : in.readAllBytes();
    return new Answer(
        Integer.parseInt(status.split(" ")[1]),
        HttpHeaders.of(headers, (k, v) -> true),
        new String(body, UTF_8),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(ISO_8859_1);
  }
}
