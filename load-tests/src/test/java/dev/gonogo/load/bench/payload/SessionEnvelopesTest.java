package dev.gonogo.load.bench.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionEnvelopesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T19:10:00.123Z"), ZoneOffset.UTC);
  private final SessionEnvelopes sessions = new SessionEnvelopes(CLOCK);

  @Test
  void start_isTheFirstUpdate_ofASessionItem() throws IOException {
    SessionEnvelopes.Session session = sessions.newSession();
    String[] lines = EventEnvelopesTest.gunzip(sessions.start(session).body()).split("\n");

    JsonNode item = JSON.readTree(lines[1]);
    JsonNode update = JSON.readTree(lines[2]);
    assertThat(item.get("type").asText()).isEqualTo("session");
    assertThat(item.get("length").asInt()).isEqualTo(lines[2].length());
    assertThat(update.get("sid").asText()).isEqualTo(session.sid().toString());
    assertThat(update.get("did").asText()).isEqualTo(session.did());
    assertThat(update.get("init").asBoolean()).isTrue();
    assertThat(update.get("status").asText()).isEqualTo("ok");
    assertThat(update.get("seq").asInt()).isEqualTo(1);
    assertThat(update.get("started").asText()).isEqualTo("2026-12-01T19:10:00.123Z");
    assertThat(update.at("/attrs/release").asText()).startsWith("com.example.shop@");
    assertThat(update.at("/attrs/environment").asText()).isEqualTo("beta");
  }

  @Test
  void end_isALaterUpdate_exitedOrCrashed_mostlyExited() throws IOException {
    Map<String, Integer> statuses = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      SessionEnvelopes.Session session = sessions.newSession();
      JsonNode update =
          JSON.readTree(EventEnvelopesTest.gunzip(sessions.end(session).body()).split("\n")[2]);
      assertThat(update.get("sid").asText()).isEqualTo(session.sid().toString());
      assertThat(update.get("seq").asInt()).isEqualTo(2);
      assertThat(update.get("init").asBoolean()).isFalse();
      String status = update.get("status").asText();
      if (status.equals("crashed")) {
        assertThat(update.get("errors").asInt()).isEqualTo(1);
      }
      statuses.merge(status, 1, Integer::sum);
    }

    assertThat(statuses).containsOnlyKeys("exited", "crashed");
    assertThat(statuses.get("exited")).isGreaterThan(1_800);
    assertThat(statuses.get("crashed")).isPositive();
  }

  @Test
  void sessionIds_areVersion4Uuids() {
    assertThat(sessions.newSession().sid().version()).isEqualTo(4);
    assertThat(sessions.newSession().sid()).isNotEqualTo(sessions.newSession().sid());
  }
}
