package dev.gonogo.feedback.scrub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.scrub.ScrubSettings;
import dev.gonogo.feedback.scrub.internal.KeyClassifier.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyClassifierTest {
  private final KeyClassifier defaults =
      new KeyClassifier(ScrubSettings.DEFAULT_SENSITIVE_KEYS, ScrubSettings.DEFAULT_SAFE_KEYS);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "password",
        "db_password",
        "newPassword",
        "passwd",
        "mysql_pwd",
        "PWD",
        "client_secret",
        "AWS_SECRET_ACCESS_KEY",
        "aws_access_key_id",
        "private_key",
        "api_key",
        "apiKey",
        "X-Api-Key",
        "token",
        "access_token",
        "refresh_token",
        "X-Auth-Token",
        "XAuthToken",
        "authToken",
        "auth",
        "X-Sentry-Auth",
        "Authorization",
        "Proxy-Authorization",
        "credentials",
        "Cookie",
        "Set-Cookie",
        "cookies",
        "session_id",
        "sessionId",
        "JSESSIONID",
        "PHPSESSID",
        "X-CSRF-Token",
        "csrf",
        "X-XSRF-TOKEN",
        "ssn",
        "user_ssn",
        "credit_card",
        "card[number]",
        "cvv",
        "bearer"
      })
  void sensitive(String key) {
    assertThat(defaults.classify(key)).isEqualTo(Verdict.SENSITIVE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "author",
        "authenticated",
        "oauth_state",
        "classname",
        "message",
        "session",
        "email",
        "ip_address",
        "id",
        "name",
        "keyboard",
        "pin_to_top",
        "signature"
      })
  void neutral(String key) {
    assertThat(defaults.classify(key)).isEqualTo(Verdict.NEUTRAL);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "event_id",
        "eventId",
        "EVENT-ID",
        "sid",
        "did",
        "release",
        "app.version",
        "appVersion",
        "kernel_version",
        "timestamp"
      })
  void safe(String key) {
    assertThat(defaults.classify(key)).isEqualTo(Verdict.SAFE);
  }

  @Test
  void safeEntry_winsOverSensitiveEntry() {
    KeyClassifier keys = new KeyClassifier(List.of("token"), List.of("token_count"));

    assertThat(keys.classify("tokenCount")).isEqualTo(Verdict.SAFE);
    assertThat(keys.classify("token_counts")).isEqualTo(Verdict.SENSITIVE);
  }

  @Test
  void noSensitiveEntries_nothingIsSensitive() {
    KeyClassifier keys = new KeyClassifier(Set.of(), Set.of());

    assertThat(keys.classify("password")).isEqualTo(Verdict.NEUTRAL);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          X-Auth-Token   | [x, auth, token]
          XAuthToken     | [x, auth, token]
          X_AUTH_TOKEN   | [x, auth, token]
          authToken      | [auth, token]
          APIKey         | [api, key]
          oauth2Token    | [oauth2, token]
          card[number]   | [card, number]
          mysql_pwd      | [mysql, pwd]
          """)
  void words(String key, String expected) {
    assertThat(KeyClassifier.words(key).toString()).isEqualTo(expected);
  }

  @Test
  void longKeys_areClassifiedButNotCached() {
    KeyClassifier keys = new KeyClassifier(List.of("password"), List.of());
    String message = "a whole log message that ended up first in a two-item array: password";

    assertThat(keys.classify(message)).isEqualTo(Verdict.SENSITIVE);
    assertThat(keys.cacheSize()).isZero();
  }

  @Test
  void normalise_keepsLowerCaseLettersAndDigitsOnly() {
    assertThat(KeyClassifier.normalise("X-Auth_Token.v2 [x]")).isEqualTo("xauthtokenv2x");
  }

  @Test
  void cache_stopsGrowingAtItsLimit_andVerdictsStayRight() {
    KeyClassifier keys = new KeyClassifier(List.of("password"), List.of());
    for (int i = 0; i < KeyClassifier.CACHE_LIMIT + 500; i++) {
      keys.classify("field" + i);
    }

    assertThat(keys.cacheSize()).isEqualTo(KeyClassifier.CACHE_LIMIT);
    assertThat(keys.classify("db_password_" + 9999)).isEqualTo(Verdict.SENSITIVE);
    assertThat(keys.classify("field" + (KeyClassifier.CACHE_LIMIT + 1))).isEqualTo(Verdict.NEUTRAL);
  }
}
