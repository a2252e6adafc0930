package dev.gonogo.feedback.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScrubSettingsTest {

  @Test
  void defaults_everythingOn_withTheShippedLists() {
    ScrubSettings defaults = ScrubSettings.defaults();

    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.emails()).isTrue();
    assertThat(defaults.ips()).isTrue();
    assertThat(defaults.creditCards()).isTrue();
    assertThat(defaults.keyNames()).isTrue();
    assertThat(defaults.sensitiveKeys())
        .containsExactlyElementsOf(ScrubSettings.DEFAULT_SENSITIVE_KEYS)
        .contains("password", "passwd", "pwd", "secret", "token", "apikey", "auth")
        .contains("authorization", "credential", "cookie", "sessionid", "csrf", "privatekey")
        .contains("ssn");
    assertThat(defaults.safeKeys())
        .containsExactlyElementsOf(ScrubSettings.DEFAULT_SAFE_KEYS)
        .contains("event_id", "sid", "did", "release", "app_version", "timestamp")
        .doesNotContain("id", "ip_address");
    assertThat(defaults.replacements()).isEqualTo(ScrubSettings.Replacements.DEFAULT);
  }

  @Test
  void disabled_isTheDefaultsSwitchedOff() {
    assertThat(ScrubSettings.disabled()).isEqualTo(ScrubSettings.defaults().withEnabled(false));
  }

  @Test
  void fromConfig_missingOrBlankValues_areTheDefaults() {
    assertThat(ScrubSettings.fromConfig(key -> null)).isEqualTo(ScrubSettings.defaults());
    assertThat(ScrubSettings.fromConfig(key -> "  ")).isEqualTo(ScrubSettings.defaults());
  }

  @Test
  void fromConfig_readsEveryKey_andListsAddToTheDefaults() {
    Map<String, String> config = new HashMap<>();
    config.put(ScrubSettings.ENABLED, "TRUE");
    config.put(ScrubSettings.EMAILS, "false");
    config.put(ScrubSettings.IPS, " false ");
    config.put(ScrubSettings.CREDIT_CARDS, "true");
    config.put(ScrubSettings.KEY_NAMES, "false");
    config.put(ScrubSettings.EXTRA_KEYS, "loyalty_id, X-Customer-Ref ,,");
    config.put(ScrubSettings.SAFE_KEYS, "auth_mode");

    ScrubSettings settings = ScrubSettings.fromConfig(config::get);

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.emails()).isFalse();
    assertThat(settings.ips()).isFalse();
    assertThat(settings.creditCards()).isTrue();
    assertThat(settings.keyNames()).isFalse();
    assertThat(settings.sensitiveKeys())
        .containsAll(ScrubSettings.DEFAULT_SENSITIVE_KEYS)
        .contains("loyalty_id", "X-Customer-Ref")
        .hasSize(ScrubSettings.DEFAULT_SENSITIVE_KEYS.size() + 2);
    assertThat(settings.safeKeys())
        .containsAll(ScrubSettings.DEFAULT_SAFE_KEYS)
        .contains("auth_mode");
  }

  @Test
  void fromConfig_asksOnlyForTheDocumentedKeys() {
    List<String> asked = new ArrayList<>();

    ScrubSettings.fromConfig(
        key -> {
          asked.add(key);
          return null;
        });

    assertThat(asked).containsExactlyInAnyOrderElementsOf(ScrubSettings.CONFIG_KEYS);
    assertThat(ScrubSettings.CONFIG_KEYS)
        .containsExactly(
            "gonogo.scrub.enabled",
            "gonogo.scrub.emails",
            "gonogo.scrub.ips",
            "gonogo.scrub.credit-cards",
            "gonogo.scrub.key-names",
            "gonogo.scrub.extra-keys",
            "gonogo.scrub.safe-keys");
  }

  @Test
  void fromConfig_badBoolean_namesKeyValueAndWhatIsExpected() {
    assertThatThrownBy(() -> ScrubSettings.fromConfig(key -> key.endsWith("ips") ? "yes" : null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gonogo.scrub.ips=yes: expected true or false");
  }

  @Test
  void fromConfig_listEntryWithoutLettersOrDigits_isRejectedWithKeyAndEntry() {
    assertThatThrownBy(
            () ->
                ScrubSettings.fromConfig(
                    key -> key.equals(ScrubSettings.EXTRA_KEYS) ? "loyalty_id, --" : null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gonogo.scrub.extra-keys=loyalty_id, --")
        .hasMessageContaining("entry '--'");
  }

  @Test
  void keyLists_areCopiedAndUnmodifiable() {
    Set<String> keys = new java.util.HashSet<>(Set.of("password"));
    ScrubSettings settings =
        new ScrubSettings(
            true, true, true, true, true, keys, Set.of(), ScrubSettings.Replacements.DEFAULT);
    keys.add("token");

    assertThat(settings.sensitiveKeys()).containsExactly("password");
    assertThatThrownBy(() -> settings.sensitiveKeys().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blankReplacement_isRejected() {
    assertThatThrownBy(() -> new ScrubSettings.Replacements("[Filtered]", " ", "[ip]", "[cc]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
  }
}
