package dev.anneal.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Clipping and the non-finite scan give the same bits on heap and direct gradients, for tensors
 * large enough to be split across the worker pool and for many small ones.
 */
class StorageIndependenceTest {
  private static final int[] SIZES = {3, Passes.parallelThreshold() * 2 + 333, 768, 1, 5000};

  private static List<Parameter> params(boolean direct, long seed) {
    Random random = new Random(seed);
    List<Parameter> list = new ArrayList<>();
    for (int t = 0; t < SIZES.length; t++) {
      Parameter p = Parameter.zeros("p" + t, SIZES[t]);
      FloatStorage g = direct ? FloatStorage.direct(SIZES[t]) : FloatStorage.heap(SIZES[t]);
      for (int i = 0; i < SIZES[t]; i++) {
        g.set(i, (float) random.nextGaussian());
      }
      p.setGrad(g);
      list.add(p);
    }
    list.add(2, Parameter.zeros("without gradient", 7));
    return list;
  }

  private static void assertSameGradients(List<Parameter> heap, List<Parameter> direct) {
    for (int k = 0; k < heap.size(); k++) {
      if (heap.get(k).grad() != null) {
        assertArrayEquals(heap.get(k).grad().toArray(), direct.get(k).grad().toArray(), "gradient " + k);
      }
    }
  }

  @Test
  void clipGradNormIsTheSameOnHeapAndDirect() {
    for (double ord : new double[] {2, 1, 0, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      List<Parameter> heap = params(false, 11);
      List<Parameter> direct = params(true, 11);
      double a = GradientClipping.clipGradNorm(heap, 0.5, ord, false);
      double b = GradientClipping.clipGradNorm(direct, 0.5, ord, false);
      assertEquals(a, b, 0.0, "norm of order " + ord);
      assertSameGradients(heap, direct);
    }
  }

  @Test
  void twoNormMatchesAPlainDoubleSumClosely() {
    List<Parameter> ps = params(true, 5);
    double sum = 0;
    for (Parameter p : ps) {
      if (p.grad() != null) {
        double tensor = 0;
        for (float v : p.grad().toArray()) {
          tensor += (double) v * v;
        }
        float norm = (float) Math.sqrt(tensor);
        sum += (double) norm * norm;
      }
    }
    assertEquals((float) Math.sqrt(sum), GradientClipping.totalNorm(ps, 2.0), 1e-6 * Math.sqrt(sum));
  }

  @Test
  void clipGradValueIsTheSameOnHeapAndDirect() {
    List<Parameter> heap = params(false, 3);
    List<Parameter> direct = params(true, 3);
    heap.get(1).grad().set(17, Float.NaN);
    direct.get(1).grad().set(17, Float.NaN);
    GradientClipping.clipGradValue(heap, 0.7);
    GradientClipping.clipGradValue(direct, 0.7);
    assertSameGradients(heap, direct);
    assertEquals(0.7f, maxAbsIgnoringNaN(direct.get(1).grad().toArray()), 0f);
  }

  private static float maxAbsIgnoringNaN(float[] a) {
    float max = 0;
    for (float v : a) {
      if (!Float.isNaN(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  @Test
  void nonFiniteScanFindsTheFirstBadGradientOnDirectStorage() {
    List<Parameter> ps = params(true, 9);
    assertNull(NonFiniteGradients.first(ps));
    ps.get(5).grad().set(4999, Float.NEGATIVE_INFINITY);
    ps.get(1).grad().set(SIZES[1] - 1, Float.NaN);
    assertSame(ps.get(1), NonFiniteGradients.first(ps));
    assertEquals("p1[" + (SIZES[1] - 1) + "] = NaN", NonFiniteGradients.describeFirst(ps));
  }

  @Test
  void directScanFlagsEveryNonFiniteValueAndNoFiniteOne() {
    for (boolean direct : new boolean[] {false, true}) {
      for (int at : new int[] {0, 7, 2047, 2048, 4999}) {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          List<Parameter> ps = params(direct, 13);
          ps.get(5).grad().set(at, bad);
          assertSame(ps.get(5), NonFiniteGradients.first(ps), (direct ? "direct " : "heap ") + bad + " at " + at);
        }
        for (float fine : new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f}) {
          List<Parameter> ps = params(direct, 13);
          ps.get(5).grad().set(at, fine);
          assertNull(NonFiniteGradients.first(ps), (direct ? "direct " : "heap ") + fine + " at " + at);
        }
      }
    }
  }
}
