package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.sentry.RejectReason;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API description the server serves at {@code GET /openapi.yaml}, held against what the server
 * really does: the routes its Javalin instance registers, every {@link RejectReason} and every
 * error code the web layer answers, and the two documents for people, docs/api.md and
 * docs/errors.md. A route or an error code added without documenting it fails here.
 */
class OpenApiContractTest {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String SPEC_SOURCE =
      "src/main/resources/dev/gonogo/feedback/web/openapi.yaml";

  /** Surefire runs in the module folder; the documents are in the repository's docs/. */
  private static final Path API_MD = Path.of("../docs/api.md");

  private static final Path ERRORS_MD = Path.of("../docs/errors.md");
  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  /** {@code | `code` | 400 | ...}: a row of an error table in docs/errors.md. */
  private static final Pattern ERROR_ROW =
      Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*(\\d{3})\\s*\\|", Pattern.MULTILINE);

  /** {@code new ApiException(404, "unknown_event", ...)} in the web layer. */
  private static final Pattern API_EXCEPTION =
      Pattern.compile("new ApiException\\(\\s*(\\d{3}),\\s*\"([a-z0-9_]+)\"");

  /** Codes answered without an ApiException: {@code unavailable(ctx, "store_overloaded", ...)}. */
  private static final Pattern UNAVAILABLE =
      Pattern.compile("unavailable\\(ctx,\\s*\"([a-z0-9_]+)\"");

  private static final Pattern CODE_LITERAL =
      Pattern.compile("put\\(\"code\",\\s*\"([a-z0-9_]+)\"\\)");

  @TempDir Path dir;
  private RunningServer service;
  private RunningServer benchmarkService;
  private JsonNode spec;

  @BeforeEach
  void fetchTheSpecFromTheRunningServer() {
    service = new RunningServer(dir.resolve("spec.db"), c -> c);
    spec = fetchSpec(service);
  }

  @AfterEach
  void stop() {
    service.close();
    if (benchmarkService != null) {
      benchmarkService.close();
    }
  }

  @Test
  void theSpec_isServedAsYaml_andIsOpenApi303() {
    HttpResponse<String> response =
        service.send(HttpRequest.newBuilder(service.base.resolve("/openapi.yaml")));

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
    assertThat(spec.path("paths").size()).as("paths in the spec").isPositive();
  }

  @Test
  void specRoutes_areExactlyTheRoutesTheServerRegisters_withBenchmarkRoutesOn() {
    benchmarkService = new RunningServer(dir.resolve("bench.db"), OpenApiContractTest::benchmark);

    Set<String> registered = registeredRoutes(benchmarkService);
    Set<String> documented = specRoutes(fetchSpec(benchmarkService));

    assertThat(registered).as("routes the server registers").isNotEmpty();
    assertThat(difference(registered, documented))
        .as(
            "routes BetaFeedbackServer registers that %s does not describe: add each, with its"
                + " parameters, security and responses, and describe it in %s",
            SPEC_SOURCE, API_MD)
        .isEmpty();
    assertThat(difference(documented, registered))
        .as("routes %s describes that BetaFeedbackServer does not register", SPEC_SOURCE)
        .isEmpty();
  }

  @Test
  void withDefaultSettings_theOnlyUnregisteredRoutes_areTheBenchmarkOnlyOnes() {
    Set<String> benchmarkOnly = benchmarkOnlyRoutes(spec);

    assertThat(benchmarkOnly)
        .as("routes marked x-gonogo-benchmark-only in %s", SPEC_SOURCE)
        .containsExactly("POST /bench/noop");
    assertThat(registeredRoutes(service))
        .as("routes registered with gonogo.server.benchmark-routes=false")
        .containsExactlyInAnyOrderElementsOf(difference(specRoutes(spec), benchmarkOnly));
  }

  @Test
  void everyRejectReason_isInTheSpecErrorCodes_andInErrorsMd_withItsStatus() {
    Set<String> enumCodes = specErrorCodes(spec);
    Map<String, Set<Integer>> documented = errorsMdRows();

    for (RejectReason reason : RejectReason.values()) {
      assertThat(enumCodes)
          .as("components.schemas.ErrorCode.enum in %s", SPEC_SOURCE)
          .contains(reason.code());
      assertThat(documented.getOrDefault(reason.code(), Set.of()))
          .as("the status of `%s` in the tables of %s", reason.code(), ERRORS_MD)
          .contains(reason.status());
    }
  }

  @Test
  void everyCodeTheWebLayerAnswers_isInTheSpecErrorCodes_andInErrorsMd() {
    Map<String, Integer> answered = webLayerCodes();
    Set<String> enumCodes = specErrorCodes(spec);
    Map<String, Set<Integer>> documented = errorsMdRows();

    assertThat(answered)
        .as("codes found in %s (is the scan still finding them?)", MAIN_SOURCES)
        .containsKeys("missing_admin_token", "unknown_project", "store_unavailable");
    answered.forEach(
        (code, status) -> {
          assertThat(enumCodes)
              .as("components.schemas.ErrorCode.enum in %s", SPEC_SOURCE)
              .contains(code);
          assertThat(documented).as("the error tables of %s", ERRORS_MD).containsKey(code);
          if (status != null) {
            assertThat(documented.get(code))
                .as("the status of `%s` in %s", code, ERRORS_MD)
                .contains(status);
          }
        });
  }

  @Test
  void theSpecErrorCodes_andErrorsMd_nameNoCodeTheServiceNeverAnswers() {
    Set<String> known = new HashSet<>(webLayerCodes().keySet());
    Arrays.stream(RejectReason.values()).map(RejectReason::code).forEach(known::add);

    assertThat(difference(specErrorCodes(spec), known))
        .as("codes in ErrorCode.enum of %s that no RejectReason or web route answers", SPEC_SOURCE)
        .isEmpty();
    assertThat(difference(errorsMdRows().keySet(), known))
        .as("codes in %s that no RejectReason or web route answers", ERRORS_MD)
        .isEmpty();
  }

  @Test
  void everyPathTemplateParameter_isDeclaredOnItsOperations() {
    Pattern template = Pattern.compile("\\{([^}]+)}");
    JsonNode parameters = spec.path("components").path("parameters");
    spec.path("paths")
        .properties()
        .forEach(
            path -> {
              Set<String> names = new TreeSet<>();
              Matcher m = template.matcher(path.getKey());
              while (m.find()) {
                names.add(m.group(1));
              }
              operations(path.getValue())
                  .forEach(
                      op -> {
                        Set<String> declared = new TreeSet<>();
                        op.getValue()
                            .path("parameters")
                            .forEach(
                                p -> {
                                  JsonNode resolved =
                                      p.has("$ref")
                                          ? parameters.path(
                                              p.get("$ref").asText().replaceFirst(".*/", ""))
                                          : p;
                                  if (resolved.path("in").asText().equals("path")) {
                                    declared.add(resolved.path("name").asText());
                                  }
                                });
                        assertThat(declared)
                            .as("path parameters of %s %s", op.getKey(), path.getKey())
                            .isEqualTo(names);
                      });
            });
  }

  @Test
  void apiMd_namesEveryRoute() throws IOException {
    String apiMd = Files.readString(API_MD);

    for (String route : specRoutes(spec)) {
      String path = route.substring(route.indexOf(' ') + 1).replaceFirst("(.)/$", "$1");
      assertThat(apiMd).as("%s names the route %s", API_MD, route).contains(path);
    }
  }

  // --- the server ---

  private static Config benchmark(Config c) {
    Config.Server s = c.server();
    return new Config(
        new Config.Server(s.host(), s.port(), s.readyFile(), true, s.maxConnections()),
        c.store(),
        c.admin(),
        c.ingest(),
        c.rateLimits(),
        c.scrub(),
        c.gate());
  }

  private static JsonNode fetchSpec(RunningServer server) {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.base.resolve("/openapi.yaml")));
    assertThat(response.statusCode()).as("GET /openapi.yaml: %s", response.body()).isEqualTo(200);
    try {
      return YAML.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("GET /openapi.yaml is not YAML: " + e.getMessage(), e);
    }
  }

  /** {@code "GET /health"}, ... from the server's Javalin instance. */
  private static Set<String> registeredRoutes(RunningServer server) {
    Javalin app = server.javalin();
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(OpenApiContractTest::route)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String route(Endpoint endpoint) {
    return endpoint.method.name() + " " + endpoint.path;
  }

  // --- the spec ---

  private static Stream<Map.Entry<String, JsonNode>> operations(JsonNode pathItem) {
    return pathItem.properties().stream().filter(e -> HTTP_METHODS.contains(e.getKey()));
  }

  private static Set<String> specRoutes(JsonNode spec) {
    return spec.path("paths").properties().stream()
        .flatMap(
            path ->
                operations(path.getValue())
                    .map(op -> op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> benchmarkOnlyRoutes(JsonNode spec) {
    return spec.path("paths").properties().stream()
        .flatMap(
            path ->
                operations(path.getValue())
                    .filter(op -> op.getValue().path("x-gonogo-benchmark-only").asBoolean())
                    .map(op -> op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> specErrorCodes(JsonNode spec) {
    JsonNode codes = spec.path("components").path("schemas").path("ErrorCode").path("enum");
    assertThat(codes.isArray()).as("components.schemas.ErrorCode.enum in %s", SPEC_SOURCE).isTrue();
    Set<String> out = new TreeSet<>();
    codes.forEach(code -> out.add(code.asText()));
    return out;
  }

  // --- the documents and the sources ---

  /** Code to the statuses the error tables of docs/errors.md give it. */
  private static Map<String, Set<Integer>> errorsMdRows() {
    Map<String, Set<Integer>> rows = new TreeMap<>();
    Matcher m = ERROR_ROW.matcher(read(ERRORS_MD));
    while (m.find()) {
      rows.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
    }
    assertThat(rows).as("error rows (| `code` | status | ...) in %s", ERRORS_MD).isNotEmpty();
    return rows;
  }

  /**
   * Error codes the web layer and the server answer outside {@link RejectReason}, with their status
   * where the source states it next to the code (null otherwise).
   */
  private static Map<String, Integer> webLayerCodes() {
    Map<String, Integer> codes = new HashMap<>();
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .map(OpenApiContractTest::read)
          .forEach(
              source -> {
                Matcher api = API_EXCEPTION.matcher(source);
                while (api.find()) {
                  codes.put(api.group(2), Integer.parseInt(api.group(1)));
                }
                Matcher unavailable = UNAVAILABLE.matcher(source);
                while (unavailable.find()) {
                  codes.put(unavailable.group(1), 503);
                }
                Matcher literal = CODE_LITERAL.matcher(source);
                while (literal.find()) {
                  codes.putIfAbsent(literal.group(1), null);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return codes;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file.toAbsolutePath() + " (tests run in the module folder)", e);
    }
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
