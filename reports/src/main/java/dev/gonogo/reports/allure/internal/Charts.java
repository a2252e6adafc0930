package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.read.BetaHealth;
import dev.gonogo.reports.read.LoadSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** PNG charts for the report, drawn with JFreeChart (headless AWT). */
public final class Charts {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 500;
  private static final Color CANDIDATE = new Color(0x1565c0);
  private static final Color BASELINE = new Color(0x9e9e9e);
  private static final Color FLOOR = new Color(0xc62828);

  private Charts() {}

  /**
   * Response time by percentile, candidate over baseline, from the summaries' HdrHistograms. The
   * percentile axis is logarithmic in 1/(1 − p) so p90, p99 and p99.9 get equal room: the tail is
   * what regresses first.
   *
   * @param baseline null when there is none
   */
  public static byte[] percentileCurve(
      String title, LoadSummary.Distribution candidate, LoadSummary.Distribution baseline) {
    XYSeriesCollection data = new XYSeriesCollection();
    if (candidate != null && candidate.histogram() != null) {
      data.addSeries(curve("candidate", candidate.histogram()));
    }
    if (baseline != null && baseline.histogram() != null) {
      data.addSeries(curve("baseline", baseline.histogram()));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "percentile",
            "response time (ms)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    LogAxis percentile = new LogAxis("percentile");
    percentile.setBase(10);
    percentile.setSmallestValue(1);
    percentile.setNumberFormatOverride(new PercentileFormat());
    // One tick per power of ten of 1/(1 − p): p0, p90, p99, p99.9, ...
    percentile.setTickUnit(new NumberTickUnit(1), false, true);
    plot.setDomainAxis(percentile);
    LogAxis millis = new LogAxis("response time (ms)");
    millis.setSmallestValue(0.5);
    millis.setNumberFormatOverride(
        new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    millis.setTickUnit(new NumberTickUnit(1), false, true);
    millis.setMinorTickMarksVisible(true);
    plot.setRangeAxis(millis);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, CANDIDATE);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesPaint(1, BASELINE);
    renderer.setSeriesStroke(
        1,
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    plot.setRenderer(renderer);
    for (double p : new double[] {50, 95, 99}) {
      ValueMarker marker = new ValueMarker(100 / (100 - p));
      marker.setPaint(Color.GRAY);
      marker.setLabel("p" + (int) p);
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(marker, Layer.BACKGROUND);
    }
    return png(chart);
  }

  /** One point per bucket at its upper rank: x = 1/(1 − rank/(n + 1)), y = the bucket's value. */
  private static XYSeries curve(String name, LoadSummary.Histogram histogram) {
    XYSeries series = new XYSeries(name, true, true);
    List<List<Double>> buckets = new ArrayList<>(histogram.buckets());
    buckets.sort(Comparator.comparingDouble(b -> b.get(0)));
    double total = histogram.totalCount();
    double seen = 0;
    for (List<Double> bucket : buckets) {
      if (bucket.get(1) <= 0) {
        continue;
      }
      if (seen == 0) {
        series.add(1.0, Math.max(bucket.get(0), 0.5));
      }
      seen += bucket.get(1);
      series.add((total + 1) / (total + 1 - seen), Math.max(bucket.get(0), 0.5));
    }
    return series;
  }

  /**
   * Crash-free sessions per bucket with its interval band, the policy floor and the baseline's rate
   * as lines.
   *
   * @param floorPercent the policy's floor in %, null when unknown
   */
  public static byte[] crashFreeTrend(String title, BetaHealth health, Double floorPercent) {
    YIntervalSeries series = new YIntervalSeries("crash-free sessions (candidate)");
    for (BetaHealth.Point point : health.series()) {
      BetaHealth.Totals counts = point.counts();
      if (counts == null || counts.crashFreeSessions() == null) {
        continue;
      }
      double value = counts.crashFreeSessions() * 100;
      double low =
          counts.crashFreeSessionsLow() == null ? value : counts.crashFreeSessionsLow() * 100;
      double high =
          counts.crashFreeSessionsHigh() == null ? value : counts.crashFreeSessionsHigh() * 100;
      series.add(point.start(), value, Math.min(low, value), Math.max(high, value));
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series);
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(
            title, "hour (UTC)", "crash-free sessions (%)", data, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    DateAxis time = (DateAxis) plot.getDomainAxis();
    time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setSeriesPaint(0, CANDIDATE);
    renderer.setSeriesFillPaint(0, new Color(0x90caf9));
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setAlpha(0.4f);
    plot.setRenderer(renderer);
    NumberAxis percent = (NumberAxis) plot.getRangeAxis();
    percent.setAutoRangeIncludesZero(false);
    double lowest = 100;
    for (int i = 0; i < series.getItemCount(); i++) {
      lowest = Math.min(lowest, series.getYLowValue(i));
    }
    if (floorPercent != null) {
      ValueMarker floor = new ValueMarker(floorPercent);
      floor.setPaint(FLOOR);
      floor.setStroke(new BasicStroke(2f));
      floor.setLabel(String.format(Locale.ROOT, "policy floor %.2f %%", floorPercent));
      floor.setLabelPaint(FLOOR);
      floor.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      floor.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addRangeMarker(floor);
      lowest = Math.min(lowest, floorPercent);
    }
    BetaHealth.Totals baseline = health.baseline();
    if (baseline != null && baseline.crashFreeSessions() != null) {
      double value = baseline.crashFreeSessions() * 100;
      ValueMarker line = new ValueMarker(value);
      line.setPaint(BASELINE);
      line.setStroke(
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
      line.setLabel(String.format(Locale.ROOT, "baseline %s %.2f %%", baseline.release(), value));
      line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(line);
      lowest = Math.min(lowest, value);
    }
    percent.setRange(Math.max(0, lowest - 1), 100.2);
    return png(chart);
  }

  private static byte[] png(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the chart " + chart.getTitle().getText(), e);
    }
    return out.toByteArray();
  }

  /** Labels the 1/(1 − p) axis with p: 10 → p90, 100 → p99. */
  private static final class PercentileFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double inverse, StringBuffer to, FieldPosition position) {
      double p = 100 * (1 - 1 / inverse);
      if (p <= 0) {
        return to.append("p0");
      }
      String text = String.format(Locale.ROOT, "%.3f", p).replaceAll("\\.?0+$", "");
      return to.append('p').append(text);
    }

    @Override
    public StringBuffer format(long inverse, StringBuffer to, FieldPosition position) {
      return format((double) inverse, to, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
      return null;
    }
  }
}
