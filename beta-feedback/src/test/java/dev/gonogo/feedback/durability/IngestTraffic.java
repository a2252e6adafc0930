package dev.gonogo.feedback.durability;

import dev.gonogo.feedback.durability.FeedbackApi.ProjectKey;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Concurrent SDK-like clients, each sending crash envelopes back to back, recording every envelope
 * sent and every one the service acknowledged (answered 200). A client stops at its first
 * connection failure (the service is gone) or when the request budget is spent.
 *
 * <p>{@link #serviceGoingDown()} marks the moment the test stops the service: a connection failure
 * of a request sent before it counts as cut off in flight, one sent after it as refused; one before
 * it is a failure of the test.
 */
final class IngestTraffic implements AutoCloseable {
  private final FeedbackApi api;
  private final ProjectKey project;
  private final int maxRequests;
  private final ExecutorService pool;
  private final List<Future<?>> clients = new ArrayList<>();

  private final Map<String, SentEnvelope> sent = new ConcurrentHashMap<>();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
  private final Queue<String> errorsWhileGoingDown = new ConcurrentLinkedQueue<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger cutOff = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean goingDown;
  private volatile int inFlightWhenGoingDown = -1;
  private volatile boolean stopped;

  private IngestTraffic(FeedbackApi api, ProjectKey project, int clientCount, int maxRequests) {
    this.api = api;
    this.project = project;
    this.maxRequests = maxRequests;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            clientCount,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "durability-client-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    for (int client = 0; client < clientCount; client++) {
      int number = client;
      clients.add(pool.submit(() -> run(number)));
    }
  }

  /** Starts {@code clientCount} clients sharing a budget of {@code maxRequests} envelopes. */
  static IngestTraffic start(
      FeedbackApi api, ProjectKey project, int clientCount, int maxRequests) {
    return new IngestTraffic(api, project, clientCount, maxRequests);
  }

  private void run(int client) {
    int sequence = 0;
    while (!stopped && issued.getAndIncrement() < maxRequests) {
      SentEnvelope envelope = SentEnvelope.crashWithSession(client, sequence++ % 2 == 0);
      boolean sentBeforeGoingDown = !goingDown;
      sent.put(envelope.eventId(), envelope);
      inFlight.incrementAndGet();
      try {
        answered(envelope, api.postEnvelope(project, envelope));
      } catch (IOException e) {
        if (!sentBeforeGoingDown) {
          refused.incrementAndGet();
        } else if (goingDown) {
          cutOff.incrementAndGet();
        } else {
          unexpected.add("envelope " + envelope.eventId() + " failed while the service ran: " + e);
        }
        return; // the service is gone; this client stops
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private void answered(SentEnvelope envelope, HttpResponse<String> response) {
    boolean goingDownAlready = goingDown;
    int status = response.statusCode();
    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status == 200) {
      // An SDK counts any 200 as delivered and deletes its copy, whatever the body says.
      acknowledged.add(envelope.eventId());
      if (envelope.eventId().equals(answeredId(response))) {
        return;
      }
    } else if (status == 503) {
      return; // the documented "not acknowledged, send it again"
    }
    // Anything else breaks the contract, or the test sent a wrong request.
    String answer =
        "envelope "
            + envelope.eventId()
            + " was answered "
            + status
            + " "
            + response.headers().map()
            + ": "
            + response.body();
    (goingDownAlready ? errorsWhileGoingDown : unexpected).add(answer);
  }

  private static String answeredId(HttpResponse<String> response) {
    try {
      return FeedbackApi.answeredId(response);
    } catch (IOException e) {
      return null; // not JSON: recorded as a wrong answer
    }
  }

  /** Marks that the service is stopped next; returns how many requests are in flight now. */
  int serviceGoingDown() {
    goingDown = true;
    inFlightWhenGoingDown = inFlight.get();
    return inFlightWhenGoingDown;
  }

  /** Waits until every client has stopped. */
  void awaitStopped() {
    Awaits.CLIENTS_STOPPED
        .alias("every client stops after the service went down; " + this)
        .until(() -> clients.stream().allMatch(Future::isDone));
  }

  /** Event ids of the envelopes answered 200: what an SDK counts as delivered. */
  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  /** Every envelope sent, acknowledged or not, by event id. */
  Map<String, SentEnvelope> sent() {
    return Map.copyOf(sent);
  }

  /** Envelopes sent but not acknowledged: what an SDK keeps and sends again. */
  List<SentEnvelope> unacknowledged() {
    return sent.values().stream().filter(e -> !acknowledged.contains(e.eventId())).toList();
  }

  /** Requests sent before {@link #serviceGoingDown()} that the stop cut off unanswered. */
  int cutOff() {
    return cutOff.get();
  }

  /**
   * Answers other than 200 {@code {"id"}} and 503, and connection failures, while the service ran:
   * a wrong request or a broken service.
   */
  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  /**
   * Answers other than 200 {@code {"id": <its event id>}} and 503 after {@link
   * #serviceGoingDown()}: not the documented answer (a 200 among them still counts as
   * acknowledged).
   */
  List<String> errorsWhileGoingDown() {
    return List.copyOf(errorsWhileGoingDown);
  }

  @Override
  public String toString() {
    return "sent "
        + sent.size()
        + ", acknowledged "
        + acknowledged.size()
        + ", answers by status "
        + statuses.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"))
        + ", in flight when the service went down "
        + inFlightWhenGoingDown
        + ", cut off in flight "
        + cutOff.get()
        + ", refused after "
        + refused.get()
        + ", other answers while going down "
        + errorsWhileGoingDown.size()
        + ", unexpected "
        + unexpected.size();
  }

  @Override
  public void close() {
    stopped = true;
    pool.shutdownNow();
  }
}
