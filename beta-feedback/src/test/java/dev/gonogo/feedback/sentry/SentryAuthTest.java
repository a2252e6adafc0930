package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.feedback.sentry.SentryAuth.Source;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SentryAuthTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";

  private static void assertRejected(ThrowingCallable call, RejectReason reason, String detail) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.detail()).contains(detail);
            });
  }

  private static Envelope envelopeWithDsn(String dsnJson) {
    return EnvelopeParser.parse(("{\"dsn\":" + dsnJson + "}\n").getBytes(StandardCharsets.UTF_8));
  }

  // --- X-Sentry-Auth and Authorization

  @Test
  void xSentryAuth_asTheJavaSdkSendsIt_readsKeyClientAndVersion() {
    SentryAuth auth =
        SentryAuth.fromHeaders(
                "Sentry sentry_version=7,sentry_client=sentry.java/8.62.0,sentry_key=" + KEY, null)
            .orElseThrow();

    assertThat(auth.key()).isEqualTo(KEY);
    assertThat(auth.client()).contains("sentry.java/8.62.0");
    assertThat(auth.version()).contains(7);
    assertThat(auth.source()).isEqualTo(Source.X_SENTRY_AUTH);
    assertThat(auth.projectId()).isEmpty();
  }

  @Test
  void xSentryAuth_withSpacesSecretTimestampAndQuotes_readsTheKey() {
    SentryAuth auth =
        SentryAuth.fromHeaders(
                "Sentry  sentry_key=\"abc123\", sentry_version=7 , sentry_secret=s3cr3t,"
                    + " sentry_timestamp=1700000000.5, ",
                null)
            .orElseThrow();

    assertThat(auth.key()).isEqualTo("abc123");
    assertThat(auth.client()).isEmpty();
  }

  @Test
  void xSentryAuth_withoutVersion_isAccepted() {
    assertThat(SentryAuth.fromHeaders("sentry sentry_key=abc", null).orElseThrow().version())
        .isEmpty();
  }

  @Test
  void authorizationHeader_sentryScheme_isRead() {
    SentryAuth auth =
        SentryAuth.fromHeaders(null, "Sentry sentry_key=abc, sentry_version=7").orElseThrow();

    assertThat(auth.source()).isEqualTo(Source.AUTHORIZATION);
  }

  @Test
  void authorizationHeader_otherScheme_isNotSentrys_andIgnored() {
    assertThat(SentryAuth.fromHeaders(null, "Bearer eyJhbGciOi")).isEmpty();
    assertThat(SentryAuth.fromHeaders(null, "SentryToken abc")).isEmpty();
    assertThat(SentryAuth.fromHeaders(" ", null)).isEmpty();
  }

  @Test
  void bothHeaders_agreeing_preferXSentryAuth() {
    SentryAuth auth =
        SentryAuth.fromHeaders(
                "Sentry sentry_key=abc", "Sentry sentry_key=abc, sentry_client=curl/8")
            .orElseThrow();

    assertThat(auth.source()).isEqualTo(Source.X_SENTRY_AUTH);
    assertThat(auth.client()).contains("curl/8");
  }

  @Test
  void bothHeaders_namingDifferentKeys_areConflictingAuth() {
    assertRejected(
        () -> SentryAuth.fromHeaders("Sentry sentry_key=abc", "Sentry sentry_key=xyz"),
        RejectReason.CONFLICTING_AUTH,
        "X-Sentry-Auth names key \"abc\" but Authorization names \"xyz\"");
  }

  @Test
  void xSentryAuth_malformed_isInvalidAuth() {
    assertRejected(
        () -> SentryAuth.fromHeaders("Bearer abc", null),
        RejectReason.INVALID_AUTH,
        "does not start with the scheme 'Sentry'");
    assertRejected(
        () -> SentryAuth.fromHeaders("Sentry sentry_version=7", null),
        RejectReason.INVALID_AUTH,
        "X-Sentry-Auth has no sentry_key");
    assertRejected(
        () -> SentryAuth.fromHeaders("Sentry sentry_key", null),
        RejectReason.INVALID_AUTH,
        "\"sentry_key\" is not key=value");
    assertRejected(
        () -> SentryAuth.fromHeaders("Sentry sentry_key=abc,sentry_version=seven", null),
        RejectReason.INVALID_AUTH,
        "sentry_version \"seven\" is not a number");
    assertRejected(
        () -> SentryAuth.fromHeaders("Sentry sentry_key=a b", null),
        RejectReason.INVALID_AUTH,
        "sentry_key \"a b\" is malformed");
  }

  // --- query string

  @Test
  void query_withKeyVersionAndEncodedClient_isRead() {
    SentryAuth auth =
        SentryAuth.fromQuery(
                "foo=bar&sentry_key="
                    + KEY
                    + "&sentry_version=7&sentry_client=sentry.javascript.browser%2F8.40.0")
            .orElseThrow();

    assertThat(auth.key()).isEqualTo(KEY);
    assertThat(auth.client()).contains("sentry.javascript.browser/8.40.0");
    assertThat(auth.source()).isEqualTo(Source.QUERY);
  }

  @Test
  void query_withoutSentryParameters_isAbsent() {
    assertThat(SentryAuth.fromQuery("foo=bar&x=%zz")).isEmpty();
    assertThat(SentryAuth.fromQuery(null)).isEmpty();
  }

  @Test
  void query_withVersionButNoKey_isInvalidAuth() {
    assertRejected(
        () -> SentryAuth.fromQuery("sentry_version=7"),
        RejectReason.INVALID_AUTH,
        "query string has no sentry_key");
  }

  // --- envelope dsn

  @Test
  void envelopeDsn_readsKeyAndProject() {
    SentryAuth auth =
        SentryAuth.fromEnvelope(envelopeWithDsn("\"http://" + KEY + "@127.0.0.1:8080/42\""))
            .orElseThrow();

    assertThat(auth.key()).isEqualTo(KEY);
    assertThat(auth.projectId()).contains("42");
    assertThat(auth.source()).isEqualTo(Source.ENVELOPE_DSN);
  }

  @Test
  void envelope_withoutDsn_isAbsent() {
    assertThat(SentryAuth.fromEnvelope(EnvelopeParser.parse("{}".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
  }

  @Test
  void envelopeDsn_notAString_isInvalidAuth() {
    assertRejected(
        () -> SentryAuth.fromEnvelope(envelopeWithDsn("42")),
        RejectReason.INVALID_AUTH,
        "envelope header 'dsn' is not a string");
  }

  @Test
  void dsn_withSecretPathPrefixAndHttps_isParsed() {
    Dsn dsn = Dsn.parse("https://pub:sec@o1.ingest.example.io/sentry/relay/99/");

    assertThat(dsn.scheme()).isEqualTo("https");
    assertThat(dsn.publicKey()).isEqualTo("pub");
    assertThat(dsn.secretKey()).contains("sec");
    assertThat(dsn.host()).isEqualTo("o1.ingest.example.io");
    assertThat(dsn.port()).isEqualTo(-1);
    assertThat(dsn.pathPrefix()).isEqualTo("/sentry/relay");
    assertThat(dsn.projectId()).isEqualTo("99");
  }

  @Test
  void dsn_withEmptySecret_asTheSpecExampleWritesIt_hasNoSecret() {
    assertThat(Dsn.parse("https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42").secretKey())
        .isEmpty();
  }

  @Test
  void dsn_malformed_isInvalidAuth_sayingWhy() {
    assertRejected(
        () -> Dsn.parse("ftp://k@host/1"),
        RejectReason.INVALID_AUTH,
        "must start with http:// or https://");
    assertRejected(
        () -> Dsn.parse("http://host/1"),
        RejectReason.INVALID_AUTH,
        "has no public key before the '@'");
    assertRejected(
        () -> Dsn.parse("http://k@host/"), RejectReason.INVALID_AUTH, "has no project id");
    assertRejected(() -> Dsn.parse("http://k@/1"), RejectReason.INVALID_AUTH, "has no host");
    assertRejected(() -> Dsn.parse("http://k y@host/1"), RejectReason.INVALID_AUTH, "is not a URL");
    assertRejected(() -> Dsn.parse(""), RejectReason.INVALID_AUTH, "is empty");
  }

  // --- resolving several sources

  @Test
  void resolve_noSource_isMissingAuth() {
    assertRejected(
        () -> SentryAuth.resolve(Optional.empty(), Optional.empty(), Optional.empty()),
        RejectReason.MISSING_AUTH,
        "no Sentry credentials");
  }

  @Test
  void resolve_headerAndDsnAgreeing_keepsTheHeaderAndTheDsnProject() {
    SentryAuth auth =
        SentryAuth.resolve(
            SentryAuth.fromHeaders("Sentry sentry_key=abc,sentry_client=sentry.java/8.62.0", null),
            SentryAuth.fromQuery(null),
            SentryAuth.fromEnvelope(envelopeWithDsn("\"http://abc@localhost/7\"")));

    assertThat(auth.source()).isEqualTo(Source.X_SENTRY_AUTH);
    assertThat(auth.client()).contains("sentry.java/8.62.0");
    assertThat(auth.projectId()).contains("7");
  }

  @Test
  void resolve_queryAndDsnDisagreeing_isConflictingAuth() {
    assertRejected(
        () ->
            SentryAuth.resolve(
                SentryAuth.fromQuery("sentry_key=abc"),
                SentryAuth.fromEnvelope(envelopeWithDsn("\"http://old@localhost/7\""))),
        RejectReason.CONFLICTING_AUTH,
        "the query string names key \"abc\" but the envelope DSN names \"old\"");
  }

  @Test
  void requireProject_dsnNamingAnotherProject_isProjectMismatch() {
    SentryAuth auth =
        SentryAuth.fromEnvelope(envelopeWithDsn("\"http://abc@localhost/7\"")).orElseThrow();

    auth.requireProject("7");
    assertRejected(
        () -> auth.requireProject("8"),
        RejectReason.PROJECT_MISMATCH,
        "the envelope DSN names project \"7\" but the request was sent to project \"8\"");
  }

  @Test
  void requireProject_withoutDsn_acceptsAnyProject() {
    SentryAuth.fromHeaders("Sentry sentry_key=abc", null).orElseThrow().requireProject("12345");
  }
}
