package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Sentry;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official Sentry Java SDK, unmodified, sends to a local HTTP server; what it sent must pass
 * {@link SentryAuth}, {@link Decoding}, {@link EnvelopeParser} and the typed views, and read back
 * as what the app did: a handled error with a cause, an uncaught crash, a session, a dropped event,
 * an attachment, a legacy user report and a feedback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaSdkEnvelopeTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private static final String RELEASE = "beta-app@1.4.0-beta.2";
  private static final byte[] LOG = "order=1234\r\ntotal=-1\r\n".getBytes(StandardCharsets.UTF_8);

  private CapturingSentryServer server;
  private final List<CapturingSentryServer.Request> requests = new ArrayList<>();
  private final List<Envelope> envelopes = new ArrayList<>();
  private String handledId;

  /** Thrown from an app thread nobody catches: the SDK reports it as a crash. */
  private static void pay(int cents) {
    if (cents < 0) {
      throw new IllegalStateException(
          "cart total negative", new ArithmeticException("integer overflow in line total"));
    }
  }

  @BeforeAll
  void sendAsAnAppWould() throws Exception {
    server = new CapturingSentryServer();
    Sentry.init(
        options -> {
          options.setDsn(server.dsn(KEY, "42"));
          options.setRelease(RELEASE);
          options.setEnvironment("beta");
          options.setDist("402");
          options.setServerName("beta-host-01");
          options.setEnableShutdownHook(false);
          options.setAttachThreads(false);
          options.setSendModules(false);
          options.addInAppInclude("dev.gonogo.feedback.sentry");
          options.setBeforeSend(
              (event, hint) -> "drop".equals(event.getTag("verdict")) ? null : event);
        });
    try {
      User user = new User();
      user.setId("tester-7");
      user.setEmail("tester7@example.com");
      Sentry.setUser(user);
      Sentry.setTag("build.flavor", "beta");
      Sentry.startSession();

      SentryId handled =
          Sentry.captureException(
              new IllegalStateException("checkout failed", new IOException("socket closed")));
      handledId = handled.toString();
      Sentry.captureMessage("dropped by beforeSend", scope -> scope.setTag("verdict", "drop"));

      Sentry.configureScope(
          scope ->
              scope.addAttachment(new io.sentry.Attachment(LOG, "checkout.log", "text/plain")));
      Thread worker = new Thread(() -> pay(-1), "checkout-worker");
      worker.start();
      worker.join();
      Sentry.configureScope(io.sentry.IScope::clearAttachments);

      sendLegacyUserReport(handled);

      Feedback feedback = new Feedback("The checkout button does nothing");
      feedback.setContactEmail("tess@example.com");
      feedback.setName("Tess Tester");
      feedback.setAssociatedEventId(handled);
      Sentry.feedback().capture(feedback);

      Sentry.endSession();
      Sentry.flush(10_000);
      requests.addAll(server.drain(Duration.ofSeconds(1)));
    } finally {
      Sentry.close();
    }
    for (CapturingSentryServer.Request request : requests) {
      byte[] body =
          Decoding.decode(
              new ByteArrayInputStream(request.body()),
              request.header("Content-Encoding"),
              BodyLimits.RELAY_DEFAULTS);
      envelopes.add(EnvelopeParser.parse(body));
    }
  }

  /** Deprecated in the SDK, still called by apps built against it: sends a user_report item. */
  @SuppressWarnings("deprecation")
  private static void sendLegacyUserReport(SentryId event) {
    io.sentry.UserFeedback report = new io.sentry.UserFeedback(event);
    report.setName("Tess Tester");
    report.setEmail("tess@example.com");
    report.setComments("It crashed when I paid");
    Sentry.captureUserFeedback(report);
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  private Stream<ItemPayload> payloads() {
    return envelopes.stream().flatMap(e -> e.items().stream()).map(ItemPayload::parse);
  }

  private <T extends ItemPayload> List<T> all(Class<T> type) {
    return payloads().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void everyRequest_isAGzippedEnvelopePost_authenticatedByXSentryAuth() {
    assertThat(requests).hasSizeGreaterThanOrEqualTo(5);
    for (CapturingSentryServer.Request request : requests) {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/api/42/envelope/");
      assertThat(request.query()).isNull();
      assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(request.header("Content-Type")).isEqualTo("application/x-sentry-envelope");
      assertThat(request.header("User-Agent")).startsWith("sentry.java/");
      assertThat(request.header("Authorization")).isNull();

      SentryAuth auth =
          SentryAuth.fromHeaders(request.header("X-Sentry-Auth"), request.header("Authorization"))
              .orElseThrow();
      assertThat(auth.key()).isEqualTo(KEY);
      assertThat(auth.version()).contains(7);
      assertThat(auth.client()).hasValueSatisfying(c -> assertThat(c).startsWith("sentry.java/"));
    }
  }

  @Test
  void everyItem_hasAnExplicitLength_andParses() {
    List<EnvelopeItem> items = envelopes.stream().flatMap(e -> e.items().stream()).toList();

    assertThat(items).allSatisfy(i -> assertThat(i.declaredLength()).hasValue(i.length()));
    assertThat(payloads()).noneMatch(OtherItem.class::isInstance);
    assertThat(envelopes).allSatisfy(e -> assertThat(e.sdkName()).contains("sentry.java"));
    assertThat(envelopes).allSatisfy(e -> assertThat(e.dsn()).isEmpty());
  }

  @Test
  void uncaughtCrash_isACrash_withTheCauseFirstAndTheCrashingFrameLast() {
    SentryEvent crash =
        all(SentryEvent.class).stream().filter(SentryEvent::isCrash).findFirst().orElseThrow();

    assertThat(crash.exceptions())
        .extracting(SentryException::title)
        .containsExactly(
            "ArithmeticException: integer overflow in line total",
            "IllegalStateException: cart total negative");
    SentryException outermost = crash.outermostException().orElseThrow();
    assertThat(outermost.mechanism())
        .hasValueSatisfying(
            m -> {
              assertThat(m.type()).contains("UncaughtExceptionHandler");
              assertThat(m.handled()).contains(false);
            });
    StackFrame crashing = outermost.frames().get(outermost.frames().size() - 1);
    assertThat(crashing.function()).contains("pay");
    assertThat(crashing.module()).contains(JavaSdkEnvelopeTest.class.getName());
    assertThat(crashing.isInApp()).isTrue();
    assertThat(outermost.frames().get(0).function()).as("oldest call first").contains("run");
    assertThat(crash.level()).contains("fatal");
    assertThat(crash.platform()).contains("java");
    assertThat(crash.release()).contains(RELEASE);
    assertThat(crash.environment()).contains("beta");
    assertThat(crash.dist()).contains("402");
    assertThat(crash.serverName()).contains("beta-host-01");
    assertThat(crash.user()).hasValueSatisfying(u -> assertThat(u.id()).contains("tester-7"));
    assertThat(crash.tags()).containsEntry("build.flavor", "beta");
    assertThat(crash.timestamp()).isPresent();
  }

  @Test
  void crashEnvelope_carriesTheCrashedSessionAndTheAttachment_underTheEventsId() {
    Envelope envelope =
        envelopes.stream()
            .filter(
                e ->
                    e.items(ItemType.EVENT).stream()
                        .map(SentryEvent::from)
                        .anyMatch(SentryEvent::isCrash))
            .findFirst()
            .orElseThrow();

    SentryEvent crash = SentryEvent.from(envelope.items(ItemType.EVENT).get(0));
    assertThat(envelope.eventId()).isEqualTo(crash.eventId());
    assertThat(envelope.items(ItemType.SESSION))
        .singleElement()
        .satisfies(
            i -> assertThat(SessionUpdate.from(i).status()).isEqualTo(SessionStatus.CRASHED));
    Attachment log = Attachment.from(envelope.items(ItemType.ATTACHMENT).get(0));
    assertThat(log.filename()).contains("checkout.log");
    assertThat(log.contentType()).isEqualTo("text/plain");
    assertThat(log.bytes()).as("\\r\\n kept inside the explicit length").isEqualTo(LOG);
  }

  @Test
  void handledError_isNotACrash_andKeepsItsId() {
    SentryEvent handled =
        all(SentryEvent.class).stream()
            .filter(e -> e.eventId().equals(java.util.Optional.of(handledId)))
            .findFirst()
            .orElseThrow();

    assertThat(handled.isCrash()).isFalse();
    assertThat(handled.exceptions())
        .extracting(SentryException::title)
        .containsExactly("IOException: socket closed", "IllegalStateException: checkout failed");
    assertThat(handled.level()).isEmpty();
  }

  @Test
  void sessionUpdates_shareOneSid_startWithInit_andEndCrashed() {
    List<SessionUpdate> sessions = all(SessionUpdate.class);

    assertThat(sessions).hasSizeGreaterThanOrEqualTo(2);
    assertThat(sessions).extracting(SessionUpdate::sid).containsOnly(sessions.get(0).sid());
    assertThat(sessions.get(0).init()).isTrue();
    assertThat(sessions.get(0).status()).isEqualTo(SessionStatus.OK);
    assertThat(sessions.get(sessions.size() - 1).status()).isEqualTo(SessionStatus.CRASHED);
    assertThat(sessions.get(sessions.size() - 1).errors()).isGreaterThanOrEqualTo(1);
    assertThat(sessions).allSatisfy(s -> assertThat(s.attrs().release()).isEqualTo(RELEASE));
    assertThat(sessions).allSatisfy(s -> assertThat(s.attrs().environment()).contains("beta"));
  }

  @Test
  void droppedEvent_isReportedInAClientReport() {
    long dropped =
        all(ClientReport.class).stream()
            .flatMap(r -> r.discardedEvents().stream())
            .filter(d -> d.reason().equals("before_send") && d.category().equals("error"))
            .mapToLong(ClientReport.Discarded::quantity)
            .sum();

    assertThat(dropped).isEqualTo(1);
  }

  @Test
  void legacyUserReport_andFeedback_bothNameTheHandledError() {
    List<UserFeedback> feedback = all(UserFeedback.class);

    assertThat(feedback)
        .extracting(UserFeedback::kind)
        .containsExactlyInAnyOrder(UserFeedback.Kind.USER_REPORT, UserFeedback.Kind.FEEDBACK);
    assertThat(feedback)
        .allSatisfy(
            f -> {
              assertThat(f.associatedEventId()).contains(handledId);
              assertThat(f.name()).contains("Tess Tester");
              assertThat(f.email()).contains("tess@example.com");
            });
    assertThat(feedback)
        .extracting(f -> f.message().orElseThrow())
        .containsExactlyInAnyOrder("It crashed when I paid", "The checkout button does nothing");
  }
}
