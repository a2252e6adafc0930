package dev.gonogo.load.bench.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.load.bench.payload.internal.Gzip;
import dev.gonogo.load.bench.payload.internal.Wire;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash-event envelopes as the Sentry Android SDK sends them: envelope header, {@code event} item
 * header with its length, and an event with an unhandled exception (tens of frames), device, OS and
 * app contexts, tags, breadcrumbs and the ProGuard image, about 3 KB gzip'd.
 *
 * <p>Every envelope has a new random event id, timestamp and user; its crash site rotates over the
 * {@link CrashSite}s (so the service computes ~20 distinct signatures) and its device, release and
 * breadcrumbs over {@code variantsPerSite} variants per site. The part of the event that does not
 * change per request is compressed once, up front; see {@link Gzip#stitch}.
 *
 * <p>Thread-safe; {@link #next()} takes a few microseconds.
 */
public final class EventEnvelopes {
  static final String SDK_NAME = "sentry.java.android";
  static final String SDK_VERSION = "7.18.0";
  static final String ENVIRONMENT = "beta";
  static final String APP = "com.example.shop";
  static final int USERS = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[][] DEVICES = {
    // family, model, model_id, brand, manufacturer, os version, build, kernel, memory GB, dpi
    {
      "Pixel 7",
      "Pixel 7",
      "TQ3A",
      "google",
      "Google",
      "14",
      "UQ1A.240205.004",
      "5.10.198",
      "8",
      "420"
    },
    {
      "Pixel 6a",
      "Pixel 6a",
      "SD1A",
      "google",
      "Google",
      "13",
      "TQ3A.230901.001",
      "5.10.157",
      "6",
      "420"
    },
    {
      "Galaxy S23",
      "SM-S911B",
      "S911BXXU3BWK5",
      "samsung",
      "samsung",
      "14",
      "UP1A.231005.007",
      "5.15.94",
      "8",
      "480"
    },
    {
      "Galaxy A54",
      "SM-A546B",
      "A546BXXS6BXA1",
      "samsung",
      "samsung",
      "14",
      "UP1A.231005.007",
      "5.10.189",
      "6",
      "400"
    },
    {
      "Redmi Note 12",
      "23021RAAEG",
      "TKQ1.221114.001",
      "Redmi",
      "Xiaomi",
      "13",
      "TKQ1.221114.001",
      "4.19.157",
      "4",
      "395"
    },
    {
      "OnePlus 11",
      "CPH2449",
      "CPH2449_13.1.0.580",
      "OnePlus",
      "OnePlus",
      "14",
      "UKQ1.230924.001",
      "5.15.78",
      "16",
      "450"
    },
    {
      "moto g54",
      "moto g54 5G",
      "U1TDS34.94-12",
      "motorola",
      "motorola",
      "13",
      "T1TDS33.60-61",
      "4.19.191",
      "8",
      "400"
    },
    {
      "Xperia 10 V",
      "XQ-DC72",
      "68.0.A.0.335",
      "Sony",
      "Sony",
      "14",
      "68.1.A.2.145",
      "5.4.242",
      "6",
      "449"
    },
  };
  private static final String[] RELEASES = {
    "1.4.0-beta.2+412", "1.4.0-beta.2+412", "1.4.0-beta.1+405", "1.3.9+398"
  };
  private static final String[] SCREENS = {
    "HomeActivity",
    "CatalogActivity",
    "ProductActivity",
    "CartFragment",
    "CheckoutFragment",
    "OrdersFragment",
    "AccountFragment",
    "SearchActivity"
  };
  private static final String[] ENDPOINTS = {
    "/v2/catalog/products",
    "/v2/catalog/recommendations",
    "/v2/cart",
    "/v2/cart/items",
    "/v2/orders",
    "/v2/account/profile",
    "/v2/search/suggest",
    "/v2/checkout/payment-intents"
  };
  private static final String[] LOCALES = {
    "de_DE", "en_US", "en_GB", "fr_FR", "es_ES", "it_IT", "pl_PL", "nl_NL"
  };

  private final List<Gzip.Tail> tails;
  private final int sites;
  private final AtomicLong sent = new AtomicLong();
  private final Clock clock;

  private EventEnvelopes(List<Gzip.Tail> tails, int sites, Clock clock) {
    this.tails = List.copyOf(tails);
    this.sites = sites;
    this.clock = clock;
  }

  /**
   * Envelopes over the bundled crash sites and framework frames.
   *
   * @param variantsPerSite device/release/breadcrumb variants per crash site, at least 1
   * @param seed makes the variants repeatable from run to run
   */
  public static EventEnvelopes bundled(int variantsPerSite, long seed, Clock clock) {
    return of(CrashSite.bundled(), CrashSite.frameworkFrames(), variantsPerSite, seed, clock);
  }

  public static EventEnvelopes of(
      List<CrashSite> sites, List<Frame> framework, int variantsPerSite, long seed, Clock clock) {
    if (variantsPerSite < 1) {
      throw new IllegalArgumentException("variantsPerSite must be >= 1, was " + variantsPerSite);
    }
    Random random = new Random(seed);
    Instant base = clock.instant();
    List<Gzip.Tail> tails = new ArrayList<>();
    for (int variant = 0; variant < variantsPerSite; variant++) {
      for (CrashSite site : sites) {
        tails.add(Gzip.Tail.of(tail(site, framework, random, base)));
      }
    }
    return new EventEnvelopes(tails, sites.size(), clock);
  }

  /** Distinct crash sites times variants. */
  public int variants() {
    return tails.size();
  }

  /** Distinct crash sites (signatures). */
  public int sites() {
    return sites;
  }

  /** The next envelope: a new event id, the next crash site. */
  public Envelope next() {
    long n = sent.getAndIncrement();
    return envelope(tails.get((int) Long.remainderUnsigned(n, tails.size())));
  }

  /**
   * An envelope of crash site {@code site} (0-based, in the order of the sites file) in a random
   * variant: a caller that picks sites by weight gets that mix of signatures.
   */
  public Envelope next(int site) {
    if (site < 0 || site >= sites) {
      throw new IllegalArgumentException("site must be 0-" + (sites - 1) + ", was " + site);
    }
    int variant = ThreadLocalRandom.current().nextInt(tails.size() / sites);
    return envelope(tails.get(variant * sites + site));
  }

  private Envelope envelope(Gzip.Tail tail) {
    String eventId = Wire.eventId();
    String now = Wire.timestamp(clock.instant());
    String user = "u-" + ThreadLocalRandom.current().nextInt(USERS);
    byte[] eventHead =
        ("{\"event_id\":\""
                + eventId
                + "\",\"timestamp\":\""
                + now
                + "\",\"user\":{\"id\":\""
                + user
                + "\"},")
            .getBytes(StandardCharsets.UTF_8);
    // The tail ends with the newline after the item; it is not part of the item's length.
    int length = eventHead.length + tail.plain().length - 1;
    String envelopeHead =
        "{\"event_id\":\""
            + eventId
            + "\",\"sdk\":{\"name\":\""
            + SDK_NAME
            + "\",\"version\":\""
            + SDK_VERSION
            + "\"},\"sent_at\":\""
            + now
            + "\"}\n{\"content_type\":\"application/json\",\"type\":\"event\",\"length\":"
            + length
            + "}\n";
    byte[] head = concat(envelopeHead.getBytes(StandardCharsets.UTF_8), eventHead);
    return new Envelope(eventId, Gzip.stitch(head, tail));
  }

  /** Everything of the event after its per-request fields, from the first field to the newline. */
  private static byte[] tail(CrashSite site, List<Frame> framework, Random random, Instant base) {
    String[] device = DEVICES[random.nextInt(DEVICES.length)];
    String release = APP + "@" + RELEASES[random.nextInt(RELEASES.length)];
    String build = release.substring(release.indexOf('+') + 1);
    String locale = LOCALES[random.nextInt(LOCALES.length)];
    ObjectNode event = JSON.createObjectNode();
    event.put("level", "fatal");
    event.put("platform", "java");
    event.put("logger", "");
    event.put("release", release);
    event.put("dist", build);
    event.put("environment", ENVIRONMENT);
    ObjectNode sdk = event.putObject("sdk").put("name", SDK_NAME).put("version", SDK_VERSION);
    ArrayNode packages = sdk.putArray("packages");
    for (String p :
        List.of(
            "sentry", "sentry-android-core", "sentry-android-fragment", "sentry-android-okhttp")) {
      packages.addObject().put("name", "maven:io.sentry:" + p).put("version", SDK_VERSION);
    }
    ArrayNode integrations = sdk.putArray("integrations");
    for (String i :
        List.of(
            "UncaughtExceptionHandler",
            "ShutdownHook",
            "SendCachedEnvelope",
            "AnrV2",
            "ActivityLifecycle",
            "FragmentLifecycle",
            "AppComponentsBreadcrumbs",
            "SystemEventsBreadcrumbs",
            "NetworkBreadcrumbs",
            "OkHttp",
            "AppLifecycle")) {
      integrations.add(i);
    }
    ObjectNode exception = event.putObject("exception").putArray("values").addObject();
    exception.put("type", site.simpleType());
    exception.put("value", site.message());
    exception.put("module", site.typeModule());
    exception.put("thread_id", 2);
    exception.putObject("mechanism").put("type", "UncaughtExceptionHandler").put("handled", false);
    ArrayNode frames = exception.putObject("stacktrace").putArray("frames");
    List<Frame> all = new ArrayList<>(framework);
    all.addAll(site.frames());
    for (Frame f : all) {
      ObjectNode frame = frames.addObject();
      if (!f.isNative()) {
        frame.put("filename", f.filename());
      }
      frame.put("function", f.function());
      frame.put("module", f.module());
      if (f.isNative()) {
        frame.put("native", true);
      } else {
        frame.put("lineno", f.lineno());
      }
      frame.put("in_app", f.inApp());
    }
    event
        .putObject("threads")
        .putArray("values")
        .addObject()
        .put("id", 2)
        .put("name", "main")
        .put("state", "RUNNABLE")
        .put("crashed", true)
        .put("current", true)
        .put("daemon", false)
        .put("main", true)
        .put("priority", 5);
    ObjectNode contexts = event.putObject("contexts");
    long memory = Long.parseLong(device[8]) * 1024 * 1024 * 1024;
    contexts
        .putObject("device")
        .put("family", device[0])
        .put("model", device[1])
        .put("model_id", device[2])
        .put("brand", device[3])
        .put("manufacturer", device[4])
        .put("battery_level", 5 + random.nextInt(95))
        .put("charging", random.nextInt(4) == 0)
        .put("online", true)
        .put("orientation", random.nextInt(5) == 0 ? "landscape" : "portrait")
        .put("simulator", false)
        .put("memory_size", memory)
        .put("free_memory", (long) (memory * (0.05 + random.nextDouble() * 0.4)))
        .put("low_memory", false)
        .put("storage_size", 128L * 1024 * 1024 * 1024)
        .put("free_storage", (long) (random.nextDouble() * 60 * 1024 * 1024 * 1024))
        .put("screen_width_pixels", 1080)
        .put("screen_height_pixels", 2400)
        .put("screen_density", Integer.parseInt(device[9]) / 160.0)
        .put("screen_dpi", Integer.parseInt(device[9]))
        .put("boot_time", Wire.timestamp(base.minusSeconds(3600 + random.nextInt(86_400 * 5))))
        .put("timezone", "Europe/Berlin")
        .put("locale", locale)
        .put("processor_count", 8)
        .put("processor_frequency", 1800 + random.nextInt(12) * 100)
        .putArray("archs")
        .add("arm64-v8a")
        .add("armeabi-v7a")
        .add("armeabi");
    contexts
        .putObject("os")
        .put("name", "Android")
        .put("version", device[5])
        .put("build", device[6])
        .put("kernel_version", device[7] + "-android" + device[5] + "-" + (4 + random.nextInt(9)))
        .put("rooted", false);
    contexts
        .putObject("app")
        .put("app_identifier", APP)
        .put("app_name", "Shop")
        .put("app_version", release.substring(release.indexOf('@') + 1, release.indexOf('+')))
        .put("app_build", build)
        .put("in_foreground", true)
        .put("app_start_time", Wire.timestamp(base.minusSeconds(30 + random.nextInt(1800))))
        .putObject("permissions")
        .put("INTERNET", "granted")
        .put("ACCESS_NETWORK_STATE", "granted")
        .put("CAMERA", random.nextBoolean() ? "granted" : "not_granted")
        .put("POST_NOTIFICATIONS", "granted");
    String screen = SCREENS[random.nextInt(SCREENS.length)];
    event
        .putObject("tags")
        .put("isSideLoaded", "false")
        .put("screen", screen)
        .put("locale", locale)
        .put("device.class", Integer.parseInt(device[8]) >= 8 ? "high" : "medium")
        .put("beta.cohort", "cohort-" + (1 + random.nextInt(4)));
    breadcrumbs(event.putObject("breadcrumbs").putArray("values"), random, base);
    event
        .putObject("debug_meta")
        .putArray("images")
        .addObject()
        .put("type", "proguard")
        .put("uuid", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
    try {
      String json = JSON.writeValueAsString(event);
      // Drop the opening brace: the per-request head opens the object and ends with a comma.
      return (json.substring(1) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a benchmark event", e);
    }
  }

  /** The Android SDK's automatic breadcrumbs of the last minute before the crash. */
  private static void breadcrumbs(ArrayNode values, Random random, Instant base) {
    Instant at = base.minusSeconds(60 + random.nextInt(120));
    for (int i = 0; i < 24; i++) {
      at = at.plusMillis(200 + random.nextInt(4000));
      ObjectNode crumb = values.addObject().put("timestamp", Wire.timestamp(at));
      switch (random.nextInt(5)) {
        case 0 ->
            crumb
                .put("type", "navigation")
                .put("category", "ui.lifecycle")
                .put("level", "info")
                .putObject("data")
                .put("screen", SCREENS[random.nextInt(SCREENS.length)])
                .put("state", random.nextBoolean() ? "resumed" : "paused");
        case 1, 2 -> {
          int status = random.nextInt(20) == 0 ? 500 : 200;
          crumb
              .put("type", "http")
              .put("category", "http")
              .put("level", status == 200 ? "info" : "warning")
              .putObject("data")
              .put(
                  "url",
                  "https://api.example.com"
                      + ENDPOINTS[random.nextInt(ENDPOINTS.length)]
                      + "?page="
                      + random.nextInt(20)
                      + "&session="
                      + Long.toHexString(random.nextLong()))
              .put("method", random.nextInt(3) == 0 ? "POST" : "GET")
              .put("status_code", status)
              .put("request_body_size", random.nextInt(3000))
              .put("response_body_size", random.nextInt(60_000))
              .put("http.start_timestamp", at.toEpochMilli() - 40 - random.nextInt(900))
              .put("http.end_timestamp", at.toEpochMilli());
        }
        case 3 ->
            crumb
                .put("type", "user")
                .put("category", "ui.click")
                .put("level", "info")
                .putObject("data")
                .put("view.id", "button_" + Integer.toHexString(random.nextInt(1 << 16)))
                .put("view.class", "com.google.android.material.button.MaterialButton");
        default ->
            crumb
                .put("type", "system")
                .put("category", "device.event")
                .put("level", "info")
                .putObject("data")
                .put("action", "BATTERY_CHANGED")
                .put("level", random.nextInt(100))
                .put("charging", random.nextBoolean());
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
