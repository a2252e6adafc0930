package dev.gonogo.reports.check;

import io.sentry.JsonSerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;
import io.sentry.Session;
import io.sentry.protocol.Device;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.OperatingSystem;
import io.sentry.protocol.SdkVersion;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.SentryStackFrame;
import io.sentry.protocol.SentryStackTrace;
import io.sentry.protocol.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays a {@link BetaPopulation} against a Sentry-protocol endpoint (beta-feedback, or any server
 * a Sentry SDK reports to): every session as a Sentry session update and every crash as an
 * unhandled-exception event, serialized by the official Sentry Java SDK ({@code io.sentry}) and
 * posted to {@code /api/{project}/envelope/} with the DSN's key, as an app's SDK does.
 *
 * <p>Sessions are packed up to {@value #SESSIONS_PER_ENVELOPE} per envelope (an app that was
 * offline flushes its queue the same way); crash events go one per envelope. A 429 or 503 is
 * answered as the SDK does: wait for {@code Retry-After} (at most {@value #MAX_ATTEMPTS} attempts).
 * Anything else that is not 200 stops the replay with the server's answer.
 */
public final class BetaReplay {
  static final int SESSIONS_PER_ENVELOPE = 100;
  static final int MAX_ATTEMPTS = 6;
  private static final int SENDERS = 4;

  /** What the replay sent and what the server answered. */
  public record Result(
      String release,
      long users,
      long sessions,
      long crashedSessions,
      long abnormalSessions,
      long erroredSessions,
      long crashEvents,
      long envelopes,
      long retried,
      Duration took) {
    /** One line for the console. */
    public String describe() {
      return String.format(
          "%s: %,d users, %,d sessions (%,d crashed, %.2f %% crash-free), %,d crash events, %,d"
              + " envelopes in %.1f s",
          release,
          users,
          sessions,
          crashedSessions,
          sessions == 0 ? 0.0 : 100.0 * (sessions - crashedSessions) / sessions,
          crashEvents,
          envelopes,
          took.toMillis() / 1000.0);
    }
  }

  /** A device model the simulated app runs on, and the SDK it reports with. */
  private record Platform(
      String sdkName, String osName, String osVersion, String manufacturer, String model) {}

  private static final List<Platform> PLATFORMS =
      List.of(
          new Platform("sentry.java.android", "Android", "14", "Google", "Pixel 8"),
          new Platform("sentry.java.android", "Android", "13", "samsung", "SM-S901B"),
          new Platform("sentry.java.android", "Android", "12", "Xiaomi", "Redmi Note 11"),
          new Platform("sentry.java", "Linux", "6.1", "Dell", "XPS 13"),
          new Platform("sentry.java", "Windows", "11", "Lenovo", "ThinkPad T14"));

  private final URI base;
  private final String projectId;
  private final String publicKey;
  private final HttpClient client;
  private final JsonSerializer serializer;

  /**
   * @param dsn the project's DSN, {@code http://<key>@host:port/<project>}
   */
  public BetaReplay(URI dsn) {
    Objects.requireNonNull(dsn, "dsn");
    if (dsn.getUserInfo() == null || dsn.getPath() == null || dsn.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "a DSN looks like http://<key>@127.0.0.1:8080/<project>, was " + dsn);
    }
    this.publicKey = dsn.getUserInfo();
    this.projectId = dsn.getPath().substring(dsn.getPath().lastIndexOf('/') + 1);
    this.base = URI.create(dsn.getScheme() + "://" + dsn.getHost() + ":" + dsn.getPort());
    this.client =
        HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    SentryOptions options = new SentryOptions();
    this.serializer = new JsonSerializer(options);
  }

  /** Sends the whole population. */
  public Result replay(BetaPopulation population) {
    long began = System.nanoTime();
    SplittableRandom random = new SplittableRandom(population.seed());
    AtomicLong envelopes = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    long sessions = 0;
    long crashed = 0;
    long abnormal = 0;
    long errored = 0;
    long crashEvents = 0;
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> pending = new ArrayList<>();
    try {
      long windowMs = population.window().toMillis();
      for (int u = 0; u < population.users(); u++) {
        Platform platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
        SdkVersion sdk = new SdkVersion(platform.sdkName(), "8.62.0");
        String did = new UUID(population.seed(), u).toString();
        int count = (int) population.sessionsPerUser();
        if (random.nextDouble() < population.sessionsPerUser() - count) {
          count++;
        }
        List<SentryEnvelopeItem> items = new ArrayList<>();
        for (int s = 0; s < count; s++) {
          long startMs = population.from().toEpochMilli() + (long) (random.nextDouble() * windowMs);
          long durationMs = 30_000 + (long) (random.nextDouble() * 1_800_000);
          Date started = new Date(startMs);
          Date ended = new Date(startMs + durationMs);
          double roll = random.nextDouble();
          CrashKind crash = crashFor(population, roll);
          Session.State state;
          int errors = 0;
          if (crash != null) {
            state = Session.State.Crashed;
            errors = 1;
            crashed++;
            SentryEvent event = crashEvent(population, crash, did, platform, ended, random);
            SentryEnvelope envelope = SentryEnvelope.from(serializer, event, sdk);
            pending.add(senders.submit(() -> send(envelope, envelopes, retried)));
            crashEvents++;
          } else if (roll < population.crashRate() + population.abnormalPerSession()) {
            state = Session.State.Abnormal;
            abnormal++;
          } else if (roll
              < population.crashRate()
                  + population.abnormalPerSession()
                  + population.erroredPerSession()) {
            state = Session.State.Exited;
            errors = 1;
            errored++;
          } else {
            state = Session.State.Exited;
          }
          Session session =
              new Session(
                  state,
                  started,
                  ended,
                  errors,
                  did,
                  new UUID(random.nextLong(), random.nextLong()).toString(),
                  true,
                  2L,
                  durationMs / 1000.0,
                  null,
                  "gonogo-beta-replay",
                  population.environment(),
                  population.release(),
                  state == Session.State.Abnormal ? "app_hang" : null);
          items.add(SentryEnvelopeItem.fromSession(serializer, session));
          sessions++;
          if (items.size() == SESSIONS_PER_ENVELOPE) {
            SentryEnvelope envelope = new SentryEnvelope(null, sdk, List.copyOf(items));
            pending.add(senders.submit(() -> send(envelope, envelopes, retried)));
            items.clear();
          }
        }
        if (!items.isEmpty()) {
          SentryEnvelope envelope = new SentryEnvelope(null, sdk, List.copyOf(items));
          pending.add(senders.submit(() -> send(envelope, envelopes, retried)));
        }
        if (pending.size() > 64) {
          drain(pending);
        }
      }
      drain(pending);
    } catch (IOException e) {
      throw new ReplayException("could not serialize an envelope: " + e.getMessage(), e);
    } finally {
      senders.shutdownNow();
    }
    return new Result(
        population.release(),
        population.users(),
        sessions,
        crashed,
        abnormal,
        errored,
        crashEvents,
        envelopes.get(),
        retried.get(),
        Duration.ofNanos(System.nanoTime() - began));
  }

  private static CrashKind crashFor(BetaPopulation population, double roll) {
    double edge = 0;
    for (CrashKind crash : population.crashes()) {
      edge += crash.perSession();
      if (roll < edge) {
        return crash;
      }
    }
    return null;
  }

  private static SentryEvent crashEvent(
      BetaPopulation population,
      CrashKind crash,
      String did,
      Platform platform,
      Date at,
      SplittableRandom random) {
    SentryEvent event = new SentryEvent(at);
    event.setEventId(new SentryId(new UUID(random.nextLong(), random.nextLong())));
    event.setRelease(population.release());
    event.setEnvironment(population.environment());
    event.setPlatform("java");
    event.setLevel(SentryLevel.FATAL);
    User user = new User();
    user.setId(did);
    event.setUser(user);
    Device device = new Device();
    device.setManufacturer(platform.manufacturer());
    device.setModel(platform.model());
    event.getContexts().setDevice(device);
    OperatingSystem os = new OperatingSystem();
    os.setName(platform.osName());
    os.setVersion(platform.osVersion());
    event.getContexts().setOperatingSystem(os);

    List<SentryStackFrame> frames = new ArrayList<>();
    // Sentry lists frames outermost first; the model lists them innermost first.
    for (int i = crash.frames().size() - 1; i >= 0; i--) {
      frames.add(frame(crash.frames().get(i)));
    }
    SentryException exception = new SentryException();
    int dot = crash.exceptionType().lastIndexOf('.');
    exception.setModule(crash.exceptionType().substring(0, Math.max(0, dot)));
    exception.setType(crash.exceptionType().substring(dot + 1));
    exception.setValue(crash.message());
    exception.setStacktrace(new SentryStackTrace(frames));
    Mechanism mechanism = new Mechanism();
    mechanism.setType("UncaughtExceptionHandler");
    mechanism.setHandled(false);
    exception.setMechanism(mechanism);
    event.setExceptions(List.of(exception));
    return event;
  }

  /** {@code com.example.Foo.bar:12} as a Sentry frame. */
  private static SentryStackFrame frame(String spec) {
    int colon = spec.lastIndexOf(':');
    String qualified = spec.substring(0, colon);
    int dot = qualified.lastIndexOf('.');
    SentryStackFrame frame = new SentryStackFrame();
    frame.setModule(qualified.substring(0, dot));
    frame.setFunction(qualified.substring(dot + 1));
    frame.setLineno(Integer.parseInt(spec.substring(colon + 1)));
    frame.setInApp(qualified.startsWith("com.example."));
    return frame;
  }

  private static void drain(List<Future<?>> pending) {
    try {
      for (Future<?> future : pending) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplayException("interrupted while sending", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReplayException replay) {
        throw replay;
      }
      throw new ReplayException("sending failed: " + e.getCause(), e.getCause());
    } finally {
      pending.clear();
    }
  }

  private Void send(SentryEnvelope envelope, AtomicLong envelopes, AtomicLong retried) {
    byte[] body;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      serializer.serialize(envelope, out);
      body = out.toByteArray();
    } catch (Exception e) {
      throw new ReplayException("could not serialize an envelope: " + e, e);
    }
    URI uri = base.resolve("/api/" + projectId + "/envelope/");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-sentry-envelope")
            .header(
                "X-Sentry-Auth",
                "Sentry sentry_version=7, sentry_client=gonogo-beta-replay/1.0, sentry_key="
                    + publicKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new ReplayException("POST " + uri + " failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException("interrupted while sending to " + uri, e);
      }
      int status = response.statusCode();
      if (status == 200) {
        envelopes.incrementAndGet();
        return null;
      }
      if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
        retried.incrementAndGet();
        long waitMs =
            Math.min(
                5_000,
                1_000
                    * response
                        .headers()
                        .firstValueAsLong("Retry-After")
                        .orElse(Math.min(5, attempt)));
        try {
          Thread.sleep(waitMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ReplayException("interrupted while backing off from " + uri, e);
        }
        continue;
      }
      throw new ReplayException(
          "POST "
              + uri
              + " answered "
              + status
              + " after "
              + attempt
              + " attempt(s): "
              + response.body());
    }
  }

  /** The replay could not deliver its traffic. */
  public static final class ReplayException extends RuntimeException {
    ReplayException(String message) {
      super(message);
    }

    ReplayException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
