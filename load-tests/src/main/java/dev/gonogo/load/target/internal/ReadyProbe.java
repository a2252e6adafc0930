package dev.gonogo.load.target.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks a candidate {@code GET /ready} and remembers what it saw last, so a timeout can say why the
 * target never became ready ("answered 503 {...}", "connection refused").
 */
public final class ReadyProbe {
  /** How often readiness is polled. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final HttpClient client =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(REQUEST_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile String lastObservation = "nothing checked yet";

  /** True when {@code GET <base>/ready} answers 200. Never throws for network errors. */
  public boolean isReady(URI base) {
    URI ready = URI.create(base + "/ready");
    HttpRequest request = HttpRequest.newBuilder(ready).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      lastObservation =
          "GET " + ready + " answered " + response.statusCode() + " " + abbreviate(response.body());
      return response.statusCode() == 200;
    } catch (ConnectException e) {
      lastObservation = "GET " + ready + ": connection refused";
    } catch (HttpTimeoutException e) {
      lastObservation = "GET " + ready + ": no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
    } catch (IOException e) {
      lastObservation = "GET " + ready + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lastObservation = "GET " + ready + ": interrupted";
    }
    return false;
  }

  /** Records an observation made without HTTP, e.g. "the ready file is not written yet". */
  public void observe(String observation) {
    lastObservation = observation;
  }

  public String lastObservation() {
    return lastObservation;
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_BODY_IN_MESSAGE
        ? oneLine
        : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }
}
