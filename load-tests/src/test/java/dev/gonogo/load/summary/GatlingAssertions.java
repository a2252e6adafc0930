package dev.gonogo.load.summary;

import io.gatling.commons.stats.assertion.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import scala.Product;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Gatling's assertion model (Scala case classes of {@code io.gatling.commons.stats.assertion}) as
 * plain words for the summary: path, metric, condition and expected values.
 */
final class GatlingAssertions {
  private GatlingAssertions() {}

  /** One assertion in the summary's words. */
  record Described(
      String path, List<String> parts, String metric, String condition, List<Double> expected) {}

  static Described describe(Assertion assertion) {
    Product path = (Product) assertion.path();
    List<String> parts = new ArrayList<>();
    String pathName =
        switch (path.productPrefix()) {
          case "Global" -> "global";
          case "ForAll" -> "forAll";
          default -> {
            for (Object part : iterable(path.productElement(0))) {
              parts.add(part.toString());
            }
            yield String.join(" / ", parts);
          }
        };
    Product condition = (Product) assertion.condition();
    List<Double> expected = new ArrayList<>();
    for (int i = 0; i < condition.productArity(); i++) {
      Object element = condition.productElement(i);
      if (element instanceof Number number) {
        expected.add(number.doubleValue());
      } else if (element instanceof scala.collection.Iterable<?>) {
        for (Object value : iterable(element)) {
          expected.add(((Number) value).doubleValue());
        }
      }
    }
    return new Described(
        pathName,
        parts,
        metric((Product) assertion.target()),
        lowerFirst(condition.productPrefix()),
        expected);
  }

  private static String metric(Product target) {
    return switch (target.productPrefix()) {
      case "Count" -> lowerFirst(((Product) target.productElement(0)).productPrefix()) + ".count";
      case "Percent" ->
          lowerFirst(((Product) target.productElement(0)).productPrefix()) + ".percent";
      case "Time" -> {
        Product stat = (Product) target.productElement(1);
        String name =
            switch (stat.productPrefix()) {
              case "Percentile" ->
                  "percentile" + format(((Number) stat.productElement(0)).doubleValue());
              case "StandardDeviation" -> "stdDev";
              default -> lowerFirst(stat.productPrefix());
            };
        yield "responseTime." + name;
      }
      case "MeanRequestsPerSecond" -> "requestsPerSec";
      default -> lowerFirst(target.productPrefix());
    };
  }

  /** 95.0 as "95", 99.9 as "99.9": the summary's percentile keys. */
  static String format(double percentile) {
    return percentile == Math.rint(percentile)
        ? Long.toString((long) percentile)
        : Double.toString(percentile);
  }

  private static String lowerFirst(String name) {
    return name.isEmpty()
        ? name
        : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private static Iterable<?> iterable(Object scalaIterable) {
    return CollectionConverters.asJava((scala.collection.Iterable<?>) scalaIterable);
  }
}
