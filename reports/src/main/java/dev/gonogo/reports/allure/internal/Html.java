package dev.gonogo.reports.allure.internal;

import java.util.List;
import java.util.Locale;

/** Small HTML tables for Allure descriptions and attachments; every cell is escaped. */
public final class Html {
  private static final String STYLE =
      "<style>table.gonogo{border-collapse:collapse;font:13px sans-serif}"
          + "table.gonogo th,table.gonogo td{border:1px solid #ccc;padding:3px 6px;text-align:right}"
          + "table.gonogo th:first-child,table.gonogo td:first-child{text-align:left}"
          + "td.go{color:#2e7d32}td.no-go{color:#c62828;font-weight:bold}td.inconclusive{color:#ef6c00}"
          + "</style>";

  private Html() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table; {@code rows} cells are plain text, escaped here. */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder("<table class=\"gonogo\"><thead><tr>");
    for (String cell : header) {
      out.append("<th>").append(escape(cell)).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (String cell : row) {
        out.append("<td")
            .append(statusClass(cell))
            .append('>')
            .append(escape(cell))
            .append("</td>");
      }
      out.append("</tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** A whole page (an attachment): a title, then the given body fragments. */
  public static String page(String title, String... fragments) {
    StringBuilder out =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .append(escape(title))
            .append("</title>")
            .append(STYLE)
            .append("</head><body><h3>")
            .append(escape(title))
            .append("</h3>");
    for (String fragment : fragments) {
      out.append(fragment);
    }
    return out.append("</body></html>").toString();
  }

  public static String style() {
    return STYLE;
  }

  public static String paragraph(String text) {
    return "<p>" + escape(text) + "</p>";
  }

  /** {@code 12.3}, {@code 1,234}; an em dash for NaN or null. */
  public static String number(Double value) {
    if (value == null || value.isNaN()) {
      return "—";
    }
    double v = value;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.3g", v);
  }

  private static String statusClass(String cell) {
    return switch (cell) {
      case "GO" -> " class=\"go\"";
      case "NO-GO" -> " class=\"no-go\"";
      case "INCONCLUSIVE" -> " class=\"inconclusive\"";
      default -> "";
    };
  }
}
