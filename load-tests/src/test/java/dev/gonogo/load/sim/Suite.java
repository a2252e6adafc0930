package dev.gonogo.load.sim;

import static io.gatling.javaapi.http.HttpDsl.http;

import dev.gonogo.load.config.LoadSettings;
import dev.gonogo.load.policy.LoadPolicy;
import dev.gonogo.load.target.SuiteTarget;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;

/** What every simulation of the suite shares: its settings, the release policy, the protocol. */
public final class Suite {
  public static final LoadSettings SETTINGS = LoadSettings.fromProcess();

  private Suite() {}

  /** The {@code load} section of the release policy named by {@code gonogo.load.policy-file}. */
  public static LoadPolicy policy() {
    return LoadPolicy.read(Path.of(SETTINGS.string("gonogo.load.policy-file")));
  }

  /** HTTP to the target, warmed up against its {@code /health} (never gatling.io). */
  public static HttpProtocolBuilder protocol(SuiteTarget target, String agent) {
    return http.baseUrl(target.baseUri().toString())
        .warmUp(target.baseUri() + "/health")
        .acceptHeader("application/json")
        .userAgentHeader("gonogo-load-tests/" + agent);
  }
}
