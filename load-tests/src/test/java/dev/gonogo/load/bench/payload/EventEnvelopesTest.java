package dev.gonogo.load.bench.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class EventEnvelopesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T19:10:00.123Z"), ZoneOffset.UTC);
  private final EventEnvelopes envelopes = EventEnvelopes.bundled(4, 42, CLOCK);

  @Test
  void envelope_isHeaderItemHeaderAndEvent_withTheDeclaredLength() throws IOException {
    Envelope envelope = envelopes.next();
    String[] lines = gunzip(envelope.body()).split("\n", -1);

    assertThat(lines).hasSize(4); // header, item header, event, and the empty rest after "\n"
    assertThat(lines[3]).isEmpty();
    JsonNode header = JSON.readTree(lines[0]);
    JsonNode item = JSON.readTree(lines[1]);
    JsonNode event = JSON.readTree(lines[2]);
    assertThat(header.get("event_id").asText())
        .isEqualTo(envelope.eventId())
        .matches("[0-9a-f]{32}");
    assertThat(header.get("sent_at").asText()).isEqualTo("2026-12-01T19:10:00.123Z");
    assertThat(item.get("type").asText()).isEqualTo("event");
    assertThat(item.get("length").asInt())
        .isEqualTo(lines[2].getBytes(StandardCharsets.UTF_8).length);
    assertThat(event.get("event_id").asText()).isEqualTo(envelope.eventId());
    assertThat(event.get("platform").asText()).isEqualTo("java");
    assertThat(event.get("release").asText()).startsWith("com.example.shop@");
    assertThat(event.get("environment").asText()).isEqualTo("beta");
    assertThat(event.at("/user/id").asText()).startsWith("u-");
    assertThat(event.at("/contexts/os/name").asText()).isEqualTo("Android");
    assertThat(event.at("/contexts/device/model").isTextual()).isTrue();
    assertThat(event.at("/contexts/app/app_identifier").asText()).isEqualTo("com.example.shop");
    assertThat(event.at("/tags/screen").isTextual()).isTrue();
  }

  @Test
  void event_isAnUnhandledCrash_withTensOfFrames_crashingFrameLastAndInApp() throws IOException {
    JsonNode exception = event(envelopes.next()).at("/exception/values/0");

    assertThat(exception.at("/mechanism/handled").asBoolean(true)).isFalse();
    assertThat(exception.get("type").asText()).isEqualTo("NullPointerException");
    assertThat(exception.get("module").asText()).isEqualTo("java.lang");
    JsonNode frames = exception.at("/stacktrace/frames");
    assertThat(frames.size()).isBetween(20, 60);
    JsonNode top = frames.get(frames.size() - 1);
    assertThat(top.get("in_app").asBoolean()).isTrue();
    assertThat(top.get("module").asText()).isEqualTo("com.example.shop.ui.cart.PriceFormatter");
    assertThat(top.get("function").asText()).isEqualTo("format");
    assertThat(top.get("lineno").asInt()).isEqualTo(57);
    assertThat(frames.get(0).get("in_app").asBoolean()).isFalse();
  }

  @Test
  void envelopes_areAbout3KbGzipped() {
    int[] sizes = IntStream.range(0, 200).map(i -> envelopes.next().body().length).toArray();
    double mean = Arrays.stream(sizes).average().orElseThrow();

    assertThat(mean).isBetween(2_600.0, 3_600.0);
  }

  @Test
  void eventIds_areUnique() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      ids.add(envelopes.next().eventId());
    }

    assertThat(ids).hasSize(50_000);
  }

  @Test
  void topFrames_rotateOverAboutTwentyCrashSites() throws IOException {
    Set<String> topFrames = new HashSet<>();
    for (int i = 0; i < envelopes.variants(); i++) {
      JsonNode frames = event(envelopes.next()).at("/exception/values/0/stacktrace/frames");
      JsonNode top = frames.get(frames.size() - 1);
      topFrames.add(top.get("module").asText() + "." + top.get("function").asText());
    }

    assertThat(CrashSite.bundled()).hasSizeBetween(18, 25);
    assertThat(topFrames).hasSize(CrashSite.bundled().size());
  }

  @Test
  void variants_areRepeatableForASeed() throws IOException {
    List<JsonNode> a = contexts(EventEnvelopes.bundled(2, 42, CLOCK));
    List<JsonNode> b = contexts(EventEnvelopes.bundled(2, 42, CLOCK));

    assertThat(a).isEqualTo(b);
  }

  private static List<JsonNode> contexts(EventEnvelopes source) throws IOException {
    List<JsonNode> contexts = new java.util.ArrayList<>();
    for (int i = 0; i < source.variants(); i++) {
      contexts.add(event(source.next()).get("contexts"));
    }
    return contexts;
  }

  private static JsonNode event(Envelope envelope) throws IOException {
    return JSON.readTree(gunzip(envelope.body()).split("\n")[2]);
  }

  static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
