package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP against the production wiring on a real SQLite file. */
class ProjectApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-admin-token-0123456789";

  @TempDir Path dir;
  private Store store;
  private BetaFeedbackServer server;
  private URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    Config config =
        Config.from(Settings.load(Optional.empty(), Map.of(), new Properties()))
            .withServer("127.0.0.1", 0)
            .withStoreUrl("jdbc:sqlite:" + dir.resolve("api.db"))
            .withAdminToken(TOKEN);
    store = Store.open(config.store());
    server = BetaFeedbackServer.create(config, Clock.systemUTC(), store);
    base = server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutToken_is401_namingTheHeader() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/v1/projects")));

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("code").asText()).isEqualTo("missing_admin_token");
    assertThat(body.path("field").asText()).isEqualTo("Authorization");
  }

  @Test
  void wrongToken_is403() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
                .header("Authorization", "Bearer not-the-token"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).path("code").asText())
        .isEqualTo("invalid_admin_token");
  }

  @Test
  void defaultProjectExists_andItsDsnPointsAtThisServer() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
                .header("Authorization", "Bearer " + TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode project = JSON.readTree(response.body()).path("projects").get(0);
    assertThat(project.path("name").asText()).isEqualTo("default");
    assertThat(project.path("dsn").asText())
        .isEqualTo(
            "http://" + project.path("publicKey").asText() + "@" + base.getAuthority() + "/1");
    assertThat(server.defaultProject().dsn(base)).isEqualTo(project.path("dsn").asText());
  }

  @Test
  void createProject_returns201_andInvalidNameIs400NamingTheField() throws Exception {
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"android-app\"}")));
    HttpResponse<String> invalid =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":42}")));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).path("id").asText()).isEqualTo("2");
    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(invalid.body());
    assertThat(error.path("code").asText()).isEqualTo("invalid_field");
    assertThat(error.path("field").asText()).isEqualTo("name");
  }
}
