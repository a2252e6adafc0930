package dev.gonogo.load.sim;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.gonogo.load.config.Arrivals;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.List;

/** {@link Arrivals} as Gatling open-model injection steps. */
public final class Injection {
  private Injection() {}

  public static List<OpenInjectionStep> of(Arrivals arrivals) {
    return arrivals.phases().stream().map(Injection::step).toList();
  }

  private static OpenInjectionStep step(Arrivals.Phase phase) {
    return phase.isConstant()
        ? constantUsersPerSec(phase.fromRate()).during(phase.duration())
        : rampUsersPerSec(phase.fromRate()).to(phase.toRate()).during(phase.duration());
  }
}
