package dev.gonogo.load.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-request statistics of a Gatling 3.15 HTML report: the request names and counts of the
 * statistics table in {@code index.html}, and the response times of successful requests from each
 * request's own page ({@code req_*.html}, column "OK"). Gatling writes no machine-readable
 * statistics besides the binary {@code simulation.log}, so the HTML is the source; this reads only
 * the cells it needs and fails naming the file when they are not where they should be.
 */
public final class GatlingReport {
  private static final Pattern ROW =
      Pattern.compile("<tr id=\"[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
  private static final Pattern LINK = Pattern.compile("<a href=\"(req_[^\"]+\\.html)\"");
  private static final Pattern CELL =
      Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
  private static final Pattern ERROR =
      Pattern.compile(
          "<td class=\"error-col-1[^\"]*\">(.*?)<span[^>]*>[^<]*</span></td>\\s*"
              + "<td class=\"value error-col-2[^\"]*\">([^<]*)</td>",
          Pattern.DOTALL);
  private static final Pattern DETAIL =
      Pattern.compile(
          "<td class=\"title\">([^<]*)(?:</abbr>)?</td>\\s*<td class=\"total\">([^<]*)</td>\\s*"
              + "<td class=\"ok\">([^<]*)</td>\\s*<td class=\"ko\">([^<]*)</td>");

  /**
   * One request name's figures.
   *
   * @param name the request name
   * @param total requests sent
   * @param ok requests whose checks passed
   * @param ko requests that failed (status, check or timeout)
   * @param okMeanMs mean response time of the successful requests; empty when none succeeded
   * @param okP95Ms 95th percentile of the same
   * @param okP99Ms 99th percentile of the same
   * @param okMaxMs slowest successful response
   * @param errors failure messages with their counts, most frequent first
   */
  public record RequestStats(
      String name,
      long total,
      long ok,
      long ko,
      OptionalDouble okMeanMs,
      OptionalDouble okP95Ms,
      OptionalDouble okP99Ms,
      OptionalDouble okMaxMs,
      Map<String, Long> errors) {

    public RequestStats {
      errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Failed share in percent; 0 requests is not measured (NaN), never 0 %. */
    public double koPercent() {
      return total == 0 ? Double.NaN : 100.0 * ko / total;
    }
  }

  private GatlingReport() {}

  /** Every request of the report, by name, in the report's order; "All Requests" excluded. */
  public static Map<String, RequestStats> read(Path reportDir) {
    Path index = reportDir.resolve("index.html");
    String html = text(index);
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      String cells = row.group(1);
      Matcher name = NAME.matcher(cells);
      Matcher link = LINK.matcher(cells);
      if (!name.find() || !link.find()) {
        continue; // the "All Requests" row links to index.html; groups have no own page
      }
      Map<Integer, String> values = new LinkedHashMap<>();
      Matcher cell = CELL.matcher(cells);
      while (cell.find()) {
        values.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
      }
      String requestName = unescape(name.group(1));
      Path page = reportDir.resolve(link.group(1));
      String pageHtml = text(page);
      Map<String, String> ok = okColumn(page, pageHtml);
      requests.put(
          requestName,
          new RequestStats(
              requestName,
              count(values, 2, index, requestName),
              count(values, 3, index, requestName),
              count(values, 4, index, requestName),
              number(ok.get("Mean")),
              number(ok.get("95th percentile")),
              number(ok.get("99th percentile")),
              number(ok.get("Max")),
              errors(pageHtml)));
    }
    if (requests.isEmpty()) {
      throw new IllegalStateException(
          index + " holds no request rows in its statistics table; is it a Gatling 3.15 report?");
    }
    return requests;
  }

  /** Finds one request; the message lists the names the report has. */
  public static RequestStats require(Map<String, RequestStats> requests, String name, Path dir) {
    return Optional.ofNullable(requests.get(name))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the report "
                        + dir
                        + " has no request named '"
                        + name
                        + "'; it has "
                        + requests.keySet()));
  }

  /** The "OK" column of a request page's statistics, by row title. */
  private static Map<String, String> okColumn(Path page, String html) {
    Map<String, String> ok = new LinkedHashMap<>();
    Matcher detail = DETAIL.matcher(html);
    while (detail.find()) {
      ok.put(detail.group(1).trim(), detail.group(3).trim());
    }
    if (!ok.containsKey("99th percentile")) {
      throw new IllegalStateException(page + " has no '99th percentile' row with an OK column");
    }
    return ok;
  }

  /** The errors table of a request page: message and count, in the page's order. */
  static Map<String, Long> errors(String html) {
    Map<String, Long> errors = new LinkedHashMap<>();
    Matcher error = ERROR.matcher(html);
    while (error.find()) {
      errors.merge(
          unescape(error.group(1).trim()),
          Long.parseLong(error.group(2).trim().replace(",", "")),
          Long::sum);
    }
    return errors;
  }

  private static long count(Map<Integer, String> values, int column, Path index, String name) {
    String value = values.get(column);
    if (value == null) {
      throw new IllegalStateException(
          index + ": the row of '" + name + "' has no column col-" + column);
    }
    return value.equals("-") ? 0 : Long.parseLong(value.replace(",", ""));
  }

  private static OptionalDouble number(String value) {
    return value == null || value.equals("-") || value.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(Double.parseDouble(value.replace(",", "")));
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
