package dev.gonogo.load.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much load a run generates, chosen with {@code gonogo.load.profile}.
 *
 * <ul>
 *   <li>{@link #SMOKE}: a few seconds per simulation, for CI; the {@code
 *       gonogo.load.<simulation>.*} keys.
 *   <li>{@link #REALISTIC}: ramp, peak and soak, scaled from the traffic model file ({@code
 *       gonogo.load.traffic-model}) by {@code gonogo.load.realistic.scale}.
 *   <li>{@link #CAPACITY}: stepped arrival rates ({@code gonogo.load.capacity.*}); the summary
 *       reports the highest step that still met the SLOs.
 * </ul>
 */
public enum LoadProfile {
  SMOKE,
  REALISTIC,
  CAPACITY;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LoadProfile from(LoadSettings settings) {
    LoadSettings.Value value = settings.get("gonogo.load.profile");
    for (LoadProfile profile : values()) {
      if (profile.key().equals(value.value())) {
        return profile;
      }
    }
    throw value.invalid(
        "one of "
            + Arrays.stream(values()).map(LoadProfile::key).collect(Collectors.joining(", ")));
  }
}
