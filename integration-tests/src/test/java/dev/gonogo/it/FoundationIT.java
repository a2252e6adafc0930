package dev.gonogo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.Images;
import dev.gonogo.it.containers.OfflinePullPolicy;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.Awaits;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The wiring every later suite stands on: the locally built images start, the candidate runs in the
 * runtime image and answers over a mapped port, PostgreSQL works with Testcontainers' module and
 * with the candidate's migrations, and a missing image fails at once with the fix in the message.
 * Needs Docker; without it these tests fail, they are never skipped.
 */
@Epic("Foundation")
@Feature("Containers without a registry")
@ExtendWith(ContainerLogsOnFailure.class)
class FoundationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Story("The candidate runs in the runtime image and answers over a mapped port")
  void candidate_onItsEmbeddedStore_answersReadyOverAMappedPort() {
    BetaFeedbackContainer candidate = SharedContainers.started(new BetaFeedbackContainer());
    URI base = candidate.baseUri();

    JsonNode ready =
        Awaits.REACHABLE.until(() -> getJson(base.resolve("/ready")), body -> body != null);

    assertThat(ready.path("status").asText()).isEqualTo("READY");
    assertThat(ready.path("schemaVersion").asText()).isEqualTo("3");
    assertThat(base.getPort()).as("a mapped host port").isNotEqualTo(BetaFeedbackContainer.PORT);
    assertThat(candidate.getLogs()).contains("beta-feedback listening on http://");
    assertThat(candidate.getLogs()).contains("jdbc:sqlite:/data/beta-feedback.db");
  }

  @Test
  @Story("The local PostgreSQL image works with Testcontainers' PostgreSQL module")
  void postgresImage_acceptsJdbcConnectionsFromTheModule() throws Exception {
    PostgreSQLContainer postgres = SharedContainers.postgres();

    try (Connection connection =
            DriverManager.getConnection(
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num")) {
      version.next();
      assertThat(version.getInt(1)).as("PostgreSQL 15 or newer").isGreaterThanOrEqualTo(150000);
    }
  }

  @Test
  @Story("The candidate's schema migrates on a real PostgreSQL")
  void candidateStore_migratesOnRealPostgres() throws Exception {
    PostgreSQLContainer postgres = SharedContainers.postgres();
    Config.Store settings =
        new Config.Store(
            postgres.getJdbcUrl(),
            Optional.of(postgres.getUsername()),
            Optional.of(postgres.getPassword()),
            2,
            3000);

    try (Store store = Store.open(settings);
        Connection connection = store.dataSource().getConnection();
        ResultSet table =
            connection.createStatement().executeQuery("SELECT to_regclass('public.project')")) {
      assertThat(store.schemaVersion()).isEqualTo("3");
      assertThat(store.isReachable()).isTrue();
      table.next();
      assertThat(table.getString(1)).isEqualTo("project");
    }
  }

  @Test
  @Story("The candidate container stores in PostgreSQL over a shared network")
  void candidate_onPostgres_isReady() {
    PostgreSQLContainer postgres = SharedContainers.postgres();
    BetaFeedbackContainer candidate =
        SharedContainers.started(
            new BetaFeedbackContainer().withPostgres(postgres, SharedContainers.POSTGRES_ALIAS));

    JsonNode ready =
        Awaits.REACHABLE.until(
            () -> getJson(candidate.baseUri().resolve("/ready")), body -> body != null);

    assertThat(ready.path("status").asText()).isEqualTo("READY");
    assertThat(candidate.getLogs()).contains("jdbc:postgresql://postgres:5432/gonogo");
  }

  @Test
  @Story("A missing image fails at once and names the script that builds it")
  void missingImage_failsNamingTheBuildScript() {
    GenericContainer<?> missing =
        new GenericContainer<>(Images.RUNTIME.withTag("no-such-tag-gonogo"))
            .withImagePullPolicy(new OfflinePullPolicy());

    assertThatThrownBy(missing::start)
        .rootCause()
        .hasMessageContaining("is not in the local Docker engine")
        .hasMessageContaining("scripts/build-images");
  }

  /** The parsed JSON body of a 200 answer, or null while the service is not answering 200. */
  private JsonNode getJson(URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }
}
