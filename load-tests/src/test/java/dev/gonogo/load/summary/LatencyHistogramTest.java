package dev.gonogo.load.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void mergedHalves_equalTheWhole_bucketForBucket() {
    Random random = new Random(42);
    LatencyHistogram whole = LatencyHistogram.empty();
    LatencyHistogram first = LatencyHistogram.empty();
    LatencyHistogram second = LatencyHistogram.empty();
    for (int i = 0; i < 10_000; i++) {
      // Two injectors seeing different latencies: averaging their p99s would be wrong.
      long ms = i % 2 == 0 ? 5 + random.nextInt(20) : 200 + random.nextInt(800);
      whole.record(ms, 1);
      (i % 2 == 0 ? first : second).record(ms, 1);
    }
    LatencyHistogram merged = first.plus(second);

    assertThat(merged.count()).isEqualTo(10_000);
    assertThat(merged.buckets())
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(whole.buckets());
    for (double p : new double[] {50, 95, 99}) {
      assertThat(merged.percentile(p)).isEqualTo(whole.percentile(p));
    }
    long averaged = (first.percentile(99) + second.percentile(99)) / 2;
    assertThat(merged.percentile(99)).isGreaterThan(averaged);
  }

  @Test
  void buckets_readBack_giveTheSameHistogram() {
    LatencyHistogram histogram = LatencyHistogram.empty();
    histogram.record(3, 7);
    histogram.record(120, 2);
    histogram.record(4_000, 1);

    LatencyHistogram back = LatencyHistogram.fromBuckets(histogram.buckets());

    assertThat(back.count()).isEqualTo(10);
    assertThat(back.percentile(50)).isEqualTo(histogram.percentile(50));
    assertThat(back.percentile(100)).isEqualTo(histogram.percentile(100));
  }

  @Test
  void fromQuantiles_holdsExactlyTheCount_evenAboveTheSampleLimit() {
    long count = 3L * LatencyHistogram.MAX_SAMPLES + 7;

    LatencyHistogram histogram = LatencyHistogram.fromQuantiles(count, rank -> 1 + (long) rank);

    assertThat(histogram.count()).isEqualTo(count);
    assertThat(histogram.percentile(50)).isBetween(50L, 52L);
  }

  @Test
  void empty_hasNoBucketsAndPercentileZero() {
    assertThat(LatencyHistogram.empty().buckets()).isEqualTo(List.of());
    assertThat(LatencyHistogram.fromQuantiles(0, rank -> 5).percentile(99)).isZero();
  }
}
