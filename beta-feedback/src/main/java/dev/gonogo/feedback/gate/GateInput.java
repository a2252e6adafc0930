package dev.gonogo.feedback.gate;

import java.util.List;
import java.util.Objects;

/**
 * What the gate judges: the candidate's (and the baseline's) release health, read from the rollups.
 *
 * @param candidate the candidate release's name
 * @param baseline the baseline release's name; null when there is none
 * @param candidateHealth the candidate's totals
 * @param baselineHealth the baseline's totals; null when there is no baseline
 * @param platforms the candidate's sessions per platform ("" = not reported)
 * @param devices the candidate's sessions per device model ("" = not reported)
 * @param newSignatures signatures with crashes in the candidate and none in the baseline (the most
 *     crashing ones, when there are many)
 * @param newSignatureCount how many new signatures there are in all
 * @param sharedSignatures signatures crashing in both (the most crashing ones)
 * @param sharedSignatureCount how many shared signatures there are in all
 * @param regressed signatures marked resolved that crashed again in the candidate
 */
public record GateInput(
    String candidate,
    String baseline,
    Health candidateHealth,
    Health baselineHealth,
    List<Group> platforms,
    List<Group> devices,
    List<SignatureCount> newSignatures,
    long newSignatureCount,
    List<SignaturePair> sharedSignatures,
    long sharedSignatureCount,
    List<SignatureCount> regressed) {

  /** Sessions, crashed sessions, users, crashed users. */
  public record Health(long sessions, long crashed, long users, long crashedUsers) {
    public static final Health NONE = new Health(0, 0, 0, 0);

    public Health {
      if (crashed > sessions || crashedUsers > users || crashed < 0 || crashedUsers < 0) {
        throw new IllegalArgumentException(
            "need 0 <= crashed <= sessions and 0 <= crashed users <= users, got "
                + crashed
                + "/"
                + sessions
                + ", "
                + crashedUsers
                + "/"
                + users);
      }
    }
  }

  public record Group(String value, long sessions, long crashed) {}

  /** A signature and its crash events in the candidate (each ends one session). */
  public record SignatureCount(String fingerprint, String title, long crashEvents) {}

  public record SignaturePair(
      String fingerprint, String title, long candidateCrashEvents, long baselineCrashEvents) {}

  public GateInput {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(candidateHealth, "candidateHealth");
    if ((baseline == null) != (baselineHealth == null)) {
      throw new IllegalArgumentException("a baseline needs its health, and only a baseline");
    }
    platforms = List.copyOf(platforms);
    devices = List.copyOf(devices);
    newSignatures = List.copyOf(newSignatures);
    sharedSignatures = List.copyOf(sharedSignatures);
    if (newSignatureCount < newSignatures.size()
        || sharedSignatureCount < sharedSignatures.size()) {
      throw new IllegalArgumentException("a count is below the signatures listed");
    }
    regressed = List.copyOf(regressed);
  }
}
