package dev.gonogo.feedback.scrub;

import static dev.gonogo.feedback.scrub.ObjectNodes.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** How the walk treats the tree; the text rules themselves are in {@link ScrubTextTest}. */
class ScrubberTest {
  private final Scrubber scrubber = new Scrubber(ScrubSettings.defaults());

  @Test
  void crashEvent_resultCountsEveryKind() {
    ObjectNode event = ScrubberGoldenTest.read("java-crash-event.input.json");

    ScrubResult result = scrubber.scrub(event);

    // 7 addresses in strings + user.ip_address + request.env.REMOTE_ADDR
    assertThat(result).isEqualTo(new ScrubResult(7, 9, 2, 17));
    assertThat(result.describe())
        .isEqualTo(
            "scrubbed 7 e-mail addresses, 9 IP addresses, 2 card numbers,"
                + " 17 values of sensitive keys");
  }

  @Test
  void addressFields_areRemoved_includingTheSdkAutoPlaceholder() {
    ObjectNode item =
        parse(
            """
            {"user": {"id": "u-1", "ip_address": "{{auto}}"},
             "request": {"env": {"REMOTE_ADDR": "203.0.113.42", "SERVER_NAME": "web-1"}},
             "attrs": {"release": "1.0", "ip_address": "198.51.100.7"}}
            """);

    ScrubResult result = scrubber.scrub(item);

    assertThat(item)
        .isEqualTo(
            parse(
                """
                {"user": {"id": "u-1"},
                 "request": {"env": {"SERVER_NAME": "web-1"}},
                 "attrs": {"release": "1.0"}}
                """));
    assertThat(result).isEqualTo(new ScrubResult(0, 3, 0, 0));
  }

  @Test
  void addressFieldsElsewhere_areNotRemovedButTheirAddressIsReplaced() {
    ObjectNode item = parse("{\"extra\": {\"ip_address\": \"203.0.113.42\"}, \"user\": \"jdoe\"}");

    scrubber.scrub(item);

    assertThat(item)
        .isEqualTo(parse("{\"extra\": {\"ip_address\": \"[ip]\"}, \"user\": \"jdoe\"}"));
  }

  @Test
  void ipsOff_keepsAddressFieldsAndAddresses() {
    Scrubber withoutIps = new Scrubber(settings(true, false, true, true));
    String json =
        "{\"user\": {\"ip_address\": \"203.0.113.42\"}, \"message\": \"from ::1 and 10.0.0.1\"}";
    ObjectNode item = parse(json);

    ScrubResult result = withoutIps.scrub(item);

    assertThat(item).isEqualTo(parse(json));
    assertThat(result).isEqualTo(ScrubResult.NONE);
  }

  @Test
  void eachKindSwitchedOff_keepsOnlyThatKind() {
    String json =
        """
        {"message": "jane@example.com 203.0.113.42 4111111111111111", "password": "hunter2"}
        """;

    assertThat(scrubbed(settings(false, true, true, true), json))
        .isEqualTo(
            "{\"message\":\"jane@example.com [ip] [creditcard]\",\"password\":\"[Filtered]\"}");
    assertThat(scrubbed(settings(true, false, true, true), json))
        .isEqualTo(
            "{\"message\":\"[email] 203.0.113.42 [creditcard]\",\"password\":\"[Filtered]\"}");
    assertThat(scrubbed(settings(true, true, false, true), json))
        .isEqualTo("{\"message\":\"[email] [ip] 4111111111111111\",\"password\":\"[Filtered]\"}");
    assertThat(scrubbed(settings(true, true, true, false), json))
        .isEqualTo("{\"message\":\"[email] [ip] [creditcard]\",\"password\":\"hunter2\"}");
  }

  @Test
  void extraKeys_areFilteredInEverySpelling() {
    Scrubber withExtra =
        new Scrubber(ScrubSettings.defaults().withExtraKeys(List.of("loyalty_id")));
    ObjectNode item =
        parse(
            """
            {"extra": {"loyaltyId": "LY-1", "LOYALTY-ID": 20931, "loyalty": "gold"},
             "tags": [["loyalty.id", "LY-2"]],
             "message": "loyalty_id=LY-3 ok"}
            """);

    ScrubResult result = withExtra.scrub(item);

    assertThat(item)
        .isEqualTo(
            parse(
                """
                {"extra": {"loyaltyId": "[Filtered]", "LOYALTY-ID": "[Filtered]", "loyalty": "gold"},
                 "tags": [["loyalty.id", "[Filtered]"]],
                 "message": "loyalty_id=[Filtered] ok"}
                """));
    assertThat(result.keyValues()).isEqualTo(4);
  }

  @Test
  void safeKeys_keepTheirValueAndEverythingBelow_evenWhenSensitiveOrPatterned() {
    Scrubber withSafe =
        new Scrubber(ScrubSettings.defaults().withSafeKeys(List.of("token_count", "support")));
    String json =
        """
        {"extra": {"token_count": 4111111111111111, "tokens": 12,
                   "support": {"email": "help@example.org", "password": "shown"}}}
        """;
    ObjectNode item = parse(json);

    withSafe.scrub(item);

    assertThat(item)
        .isEqualTo(
            parse(
                """
                {"extra": {"token_count": 4111111111111111, "tokens": "[Filtered]",
                           "support": {"email": "help@example.org", "password": "shown"}}}
                """));
  }

  @Test
  void defaultSafeKeys_keepIdentifiersAndVersions() {
    String json =
        """
        {"event_id": "4111111111111111", "release": "shop@1.0.0.beta", "dist": "10.0.0.1",
         "sid": "203.0.113.42", "did": "jane@example.com",
         "contexts": {"app": {"app_version": "10.0.0.1"}, "os": {"kernel_version": "5.15.0.1"}}}
        """;
    ObjectNode item = parse(json);

    ScrubResult result = scrubber.scrub(item);

    assertThat(item).isEqualTo(parse(json));
    assertThat(result).isEqualTo(ScrubResult.NONE);
  }

  @Test
  void userId_isKeptButScannedLikeAnyValue() {
    ObjectNode item =
        parse("{\"user\": {\"id\": \"jane@example.com\"}, \"extra\": {\"id\": \"u-829341\"}}");

    scrubber.scrub(item);

    assertThat(item)
        .isEqualTo(parse("{\"user\": {\"id\": \"[email]\"}, \"extra\": {\"id\": \"u-829341\"}}"));
  }

  @Test
  void sensitiveContainer_keepsItsShape_filtersStringsAndNumbers_keepsNullsBooleansAndEmpties() {
    ObjectNode item =
        parse(
            """
            {"credentials": {"user": "svc", "pin": 1234, "ok": true, "none": null, "blank": "",
                             "nested": [["a", "b"], {"deep": 1.5}]}}
            """);

    ScrubResult result = scrubber.scrub(item);

    assertThat(item)
        .isEqualTo(
            parse(
                """
                {"credentials": {"user": "[Filtered]", "pin": "[Filtered]", "ok": true,
                                 "none": null, "blank": "",
                                 "nested": [["[Filtered]", "[Filtered]"], {"deep": "[Filtered]"}]}}
                """));
    assertThat(result).isEqualTo(new ScrubResult(0, 0, 0, 5));
  }

  @Test
  void numbers_areNeverPatternScanned_onlyFilteredByKey() {
    String json =
        """
        {"extra": {"order_id": 4111111111111111, "epoch_ms": 1718098200120, "ratio": 0.25},
         "timestamp": 1718098200.123}
        """;
    ObjectNode item = parse(json);

    scrubber.scrub(item);

    assertThat(item).isEqualTo(parse(json));
  }

  @Test
  void pairs_inArrays_areTreatedLikeFields() {
    ObjectNode item =
        parse(
            """
            {"tags": [["Authorization", "Basic abc"], ["release", "10.0.0.1"],
                      ["jane@example.com", "203.0.113.42"], ["solo"], ["n", 1, 2]]}
            """);

    scrubber.scrub(item);

    assertThat(item)
        .isEqualTo(
            parse(
                """
                {"tags": [["Authorization", "[Filtered]"], ["release", "10.0.0.1"],
                          ["[email]", "[ip]"], ["solo"], ["n", 1, 2]]}
                """));
  }

  @Test
  void fieldNames_areNotScanned() {
    String json = "{\"extra\": {\"jane@example.com\": \"visited\"}}";
    ObjectNode item = parse(json);

    scrubber.scrub(item);

    assertThat(item).isEqualTo(parse(json));
  }

  @Test
  void customReplacements_areUsed() {
    Scrubber custom =
        new Scrubber(
            ScrubSettings.defaults()
                .withReplacements(
                    new ScrubSettings.Replacements("***", "<email>", "<ip>", "<card>")));
    ObjectNode item =
        parse("{\"message\": \"jane@example.com ::1 4111111111111111\", \"password\": \"x\"}");

    custom.scrub(item);

    assertThat(item)
        .isEqualTo(parse("{\"message\": \"<email> <ip> <card>\", \"password\": \"***\"}"));
  }

  @Test
  void replacementThatARuleWouldMatch_isRejected_becauseScrubbingTwiceMustChangeNothing() {
    ScrubSettings settings =
        ScrubSettings.defaults()
            .withReplacements(
                new ScrubSettings.Replacements(
                    "[Filtered]", "redacted@example.com", "[ip]", "[creditcard]"));

    assertThatThrownBy(() -> new Scrubber(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'redacted@example.com'")
        .hasMessageContaining("email");
  }

  @Test
  void oneScrubber_isSafeToShareBetweenThreads() throws Exception {
    String expected = ScrubberGoldenTest.read("java-crash-event.expected.json").toString();
    Callable<String> task =
        () -> {
          ObjectNode event = ScrubberGoldenTest.read("java-crash-event.input.json");
          scrubber.scrub(event);
          return event.toString();
        };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = pool.invokeAll(java.util.Collections.nCopies(64, task));
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ScrubSettings settings(
      boolean emails, boolean ips, boolean creditCards, boolean keyNames) {
    ScrubSettings defaults = ScrubSettings.defaults();
    return new ScrubSettings(
        true,
        emails,
        ips,
        creditCards,
        keyNames,
        defaults.sensitiveKeys(),
        Set.copyOf(defaults.safeKeys()),
        defaults.replacements());
  }

  private static String scrubbed(ScrubSettings settings, String json) {
    ObjectNode item = parse(json);
    new Scrubber(settings).scrub(item);
    return item.toString();
  }
}
