package dev.gonogo.it;

import static dev.gonogo.it.support.Envelopes.crash;
import static dev.gonogo.it.support.Envelopes.envelope;
import static dev.gonogo.it.support.Envelopes.gzip;
import static dev.gonogo.it.support.Envelopes.newEventId;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.Databases;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.Awaits;
import dev.gonogo.it.support.CandidateApi;
import dev.gonogo.it.support.CandidateApi.Answer;
import dev.gonogo.it.support.CandidateApi.Project;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import dev.gonogo.it.support.ContainerMemory;
import dev.gonogo.it.support.RawHttp;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Input from outside that no SDK sends: malformed envelopes, decompression bombs, oversized bodies,
 * invalid UTF-8. Each is refused whole with a clean 4xx and the stable code docs/errors.md
 * documents, nothing of it is stored, and under a barrage of them the candidate stays healthy with
 * its memory (the container's memory cgroup, as {@code docker stats} reads it) under a bound. The
 * candidate runs with a memory limit of its own, as in production, and its default settings
 * otherwise.
 */
@Epic("Release candidate")
@Feature("Hostile input")
@ExtendWith(ContainerLogsOnFailure.class)
class HostileInputIT {
  private static final long MIB = 1024 * 1024;

  /** The container's limit: the JVM takes half of it as heap (-XX:MaxRAMPercentage=50). */
  private static final long MEMORY_LIMIT = 512 * MIB;

  /** Peak memory the container may reach under the barrage, well below the limit. */
  private static final long MEMORY_BOUND = 352 * MIB;

  /**
   * Half the in-flight budget (gonogo.ingest.max-inflight-bytes, 16 MiB), so two bombs decode side
   * by side before the budget refuses more. (The decoded limit applied is never above the budget: a
   * lone bomb is 413 decompression_bomb with the defaults too, EnvelopeEndpointTest.)
   */
  private static final long MAX_DECOMPRESSED = 8 * MIB;

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
  private static final Path ERRORS_DOC = Path.of("..", "docs", "errors.md");

  /** 100 MiB of one byte after the envelope's first lines, gzipped: about 100 KiB sent. */
  private static final byte[] GZIP_BOMB = gzipBomb(100 * MIB);

  private static BetaFeedbackContainer candidate;
  private static CandidateApi api;
  private static Project project;

  @BeforeAll
  static void candidateWithAMemoryLimit() {
    PostgreSQLContainer postgres = SharedContainers.postgres();
    candidate =
        SharedContainers.started(
            new BetaFeedbackContainer()
                .withDatabase(
                    postgres,
                    SharedContainers.POSTGRES_ALIAS,
                    Databases.create(postgres, "hostile"))
                .withMemoryLimit(MEMORY_LIMIT)
                .withSetting("gonogo.ingest.max-decompressed-bytes", MAX_DECOMPRESSED));
    api = CandidateApi.of(candidate);
    project = api.createProject("hostile");
  }

  @AfterAll
  static void stop() {
    SharedContainers.stop(candidate);
  }

  /** A request no SDK sends, and the refusal docs/errors.md documents for it. */
  record Hostile(String name, Supplier<Answer> send, int status, String code) {
    @Override
    public String toString() {
      return name + " -> " + status + " " + code;
    }
  }

  static Stream<Hostile> hostileInputs() {
    String id = newEventId();
    byte[] plain = envelope(id, crash(id, "hostile@1.0", "pay", "x"));
    return Stream.of(
        hostile(
            "envelope header is not JSON",
            "not json\n{\"type\":\"event\"}\n{}\n",
            400,
            "malformed_envelope_header"),
        hostile("envelope header is a JSON array", "[1,2]\n", 400, "malformed_envelope_header"),
        hostile(
            "item header is not an object", "{}\n[\"event\"]\n{}\n", 400, "malformed_item_header"),
        hostile(
            "item header without a type", "{}\n{\"length\":2}\n{}\n", 400, "malformed_item_header"),
        hostile(
            "item length past the end of the body",
            "{}\n{\"type\":\"event\",\"length\":9999}\n{}\n",
            400,
            "item_length_exceeds_body"),
        hostile(
            "item length not on a line end",
            "{}\n{\"type\":\"event\",\"length\":2}\n{}xyz\n",
            400,
            "item_length_mismatch"),
        hostile(
            "event payload is not JSON",
            "{}\n{\"type\":\"event\"}\n{\"message\": \n",
            400,
            "invalid_json"),
        hostile(
            "event id is not hex",
            "{\"event_id\":\"not-an-id\"}\n{\"type\":\"event\"}\n{}\n",
            400,
            "invalid_event_id"),
        bytes(
            "invalid UTF-8 in an event payload",
            utf8Broken("{}\n{\"type\":\"event\"}\n{\"message\":\"caf", "\"}\n"),
            Map.of(),
            400,
            "invalid_utf8"),
        bytes(
            "invalid UTF-8 in the envelope header",
            utf8Broken("{\"x\":\"", "\"}\n"),
            Map.of(),
            400,
            "invalid_utf8"),
        hostile("empty body", "", 400, "empty_body"),
        hostile(
            "201 items",
            "{}\n" + "{\"type\":\"session\"}\n{}\n".repeat(201),
            400,
            "too_many_items"),
        bytes(
            "gzip bomb: 100 MiB from ~100 KiB",
            GZIP_BOMB,
            Map.of("Content-Encoding", "gzip"),
            413,
            "decompression_bomb"),
        bytes(
            "gzip of a gzip bomb",
            gzip(GZIP_BOMB),
            Map.of("Content-Encoding", "gzip, gzip"),
            413,
            "decompression_bomb"),
        oversized("2 MiB body with its Content-Length", padded(2 * MIB), false),
        oversized("2 MiB body streamed without a length", padded(2 * MIB), true),
        bytes(
            "gzip declared, plain body sent",
            plain,
            Map.of("Content-Encoding", "gzip"),
            400,
            "malformed_compression"),
        bytes(
            "gzip body cut in half",
            Arrays.copyOf(gzip(plain), gzip(plain).length / 2),
            Map.of("Content-Encoding", "gzip"),
            400,
            "malformed_compression"),
        bytes(
            "unknown Content-Encoding",
            plain,
            Map.of("Content-Encoding", "compress"),
            415,
            "unsupported_encoding"),
        bytes(
            "four chained gzip encodings",
            gzip(gzip(gzip(gzip(plain)))),
            Map.of("Content-Encoding", "gzip, gzip, gzip, gzip"),
            415,
            "unsupported_encoding"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  @Story("Hostile input is refused whole with its documented 4xx code; nothing is stored")
  void hostileInput_isRefusedWithItsDocumentedCode_andNothingIsStored(Hostile input)
      throws IOException {
    long eventsBefore = api.stored(project.id()).path("event").asLong();

    Answer answer = send(input);

    assertThat(answer.status())
        .as("%s answered %s", input.name(), answer)
        .isEqualTo(input.status());
    assertThat(answer.code())
        .as("code of the answer to %s: %s", input.name(), answer)
        .isEqualTo(input.code());
    assertThat(answer.took()).as("answered promptly").isLessThan(Duration.ofSeconds(5));
    assertThat(Files.readString(ERRORS_DOC))
        .as("the code is documented in %s", ERRORS_DOC)
        .contains("| `" + input.code() + "` |");
    assertThat(api.stored(project.id()).path("event").asLong())
        .as("events stored after %s", input.name())
        .isEqualTo(eventsBefore);
    assertThat(api.getPublic("/health", Duration.ofSeconds(5)).status()).isEqualTo(200);
  }

  @Test
  @Story("Under a barrage of hostile input the service stays healthy and its memory bounded")
  void hostileBarrage_serviceStaysHealthy_andMemoryStaysBounded() throws Exception {
    long peakBefore = ContainerMemory.peakBytes(candidate);
    List<Hostile> inputs = hostileInputs().toList();
    List<Future<Answer>> answers = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 8; round++) {
        for (Hostile input : inputs) {
          answers.add(clients.submit(() -> send(input)));
        }
      }
      int i = 0;
      for (Future<Answer> future : answers) {
        Hostile input = inputs.get(i++ % inputs.size());
        Answer answer = future.get();
        // Concurrent bombs may together reach the in-flight budget: refused at once, memory
        // bounded.
        boolean overBudget = answer.status() == 503 && answer.code().equals("ingest_overloaded");
        assertThat(
                answer.status() == input.status() && answer.code().equals(input.code())
                    || overBudget)
            .as(
                "%s in the barrage answered %s; expected that or 503 ingest_overloaded",
                input, answer)
            .isTrue();
      }
    } finally {
      clients.shutdownNow();
    }

    Awaits.throughout("healthy, ready and ingesting after the barrage", Duration.ofSeconds(5))
        .failFast("the candidate container stopped", () -> !candidate.isRunning())
        .until(HostileInputIT::healthyReadyAndIngesting);
    long peakAfter = ContainerMemory.peakBytes(candidate);
    Allure.addAttachment(
        "container memory",
        "peak before the barrage "
            + ContainerMemory.mib(peakBefore)
            + ", after "
            + answers.size()
            + " hostile requests "
            + ContainerMemory.mib(peakAfter)
            + " (bound "
            + ContainerMemory.mib(MEMORY_BOUND)
            + ", limit "
            + ContainerMemory.mib(MEMORY_LIMIT)
            + ")");
    assertThat(peakAfter)
        .as(
            "peak memory of the candidate container after %d hostile requests, %s before; bound %s",
            answers.size(), ContainerMemory.mib(peakBefore), ContainerMemory.mib(MEMORY_BOUND))
        .isLessThan(MEMORY_BOUND);
  }

  private static boolean healthyReadyAndIngesting() {
    String id = newEventId();
    return api.getPublic("/health", Duration.ofSeconds(5)).status() == 200
        && api.getPublic("/ready", Duration.ofSeconds(5)).status() == 200
        && api.envelope(
                    project.id(),
                    project.publicKey(),
                    envelope(id, crash(id, "hostile@1.0", "pay", "ok")))
                .status()
            == 200;
  }

  private static Answer send(Hostile input) {
    return input.send().get();
  }

  // --- the inputs ---

  private static Hostile hostile(String name, String body, int status, String code) {
    return bytes(name, body.getBytes(UTF_8), Map.of(), status, code);
  }

  private static Hostile bytes(
      String name, byte[] body, Map<String, String> headers, int status, String code) {
    return new Hostile(
        name,
        () ->
            api.envelope(
                project.id(),
                project.publicKey(),
                HttpRequest.BodyPublishers.ofByteArray(body),
                headers,
                CLIENT_TIMEOUT),
        status,
        code);
  }

  /**
   * A body over the limit, sent by a client that reads the answer while it sends (the server may
   * answer before it has read the body, and then close; see {@link RawHttp}).
   */
  private static Hostile oversized(String name, byte[] body, boolean chunked) {
    return new Hostile(
        name,
        () ->
            RawHttp.post(
                api.base(),
                "/api/" + project.id() + "/envelope/",
                Map.of(
                    "X-Sentry-Auth",
                    "Sentry sentry_key=" + project.publicKey() + ", sentry_version=7",
                    "Content-Type",
                    "application/x-sentry-envelope"),
                body,
                chunked,
                CLIENT_TIMEOUT),
        413,
        "body_too_large");
  }

  /** Text with a lone continuation byte (0xC3 0x28 is not UTF-8) between the two parts. */
  private static byte[] utf8Broken(String before, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(UTF_8));
    out.write(0xC3);
    out.write(0x28);
    out.writeBytes(after.getBytes(UTF_8));
    return out.toByteArray();
  }

  /** A valid envelope whose event message makes it {@code size} bytes long. */
  private static byte[] padded(long size) {
    String head = "{}\n{\"type\":\"event\"}\n{\"message\":\"";
    return (head + "x".repeat((int) size - head.length() - 3) + "\"}\n").getBytes(UTF_8);
  }

  private static byte[] gzipBomb(long decodedSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("{}\n{\"type\":\"event\"}\n{\"message\":\"".getBytes(UTF_8));
      byte[] block = new byte[(int) MIB];
      Arrays.fill(block, (byte) 'A');
      for (long written = 0; written < decodedSize; written += block.length) {
        gz.write(block);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
