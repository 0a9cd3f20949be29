package dev.anneal.optim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reductions: fixed blocks combined in order, so the bits do not depend on storage or on the pool. */
class ReductionsTest {

  /** sum(w*g) and sum(s0), and s0 += g on the way. */
  private static final class DotAndState implements ReductionKernel {
    final float[] s0;

    DotAndState(int n) {
      s0 = new float[n];
    }

    @Override
    public void reduce(float[] w, float[] g, float[] a, float[] b, float[] c, int from, int to, double[] out, int at) {
      double dot = 0;
      double sum = 0;
      for (int i = from; i < to; i++) {
        dot += (double) w[i] * g[i];
        a[i] += g[i];
        sum += a[i];
      }
      out[at] = dot;
      out[at + 1] = sum;
    }

    @Override
    public float[] state(int k) {
      return k == 0 ? s0 : null;
    }

    @Override
    public int sums() {
      return 2;
    }
  }

  private static FloatStorage random(Random random, int n, boolean direct) {
    FloatStorage s = direct ? FloatStorage.direct(n) : FloatStorage.heap(n);
    for (int i = 0; i < n; i++) {
      s.set(i, (float) random.nextGaussian());
    }
    return s;
  }

  @Test
  void heapAndDirectGiveTheSameBitsAsASerialBlockSum() {
    int n = Passes.parallelThreshold() * 3 + 777; // parallel, ragged last block
    double[] heap = new double[2];
    double[] direct = new double[2];
    DotAndState onHeap = new DotAndState(n);
    DotAndState onDirect = new DotAndState(n);
    Reductions.run(onHeap, random(new Random(1), n, false), random(new Random(2), n, false), heap);
    FloatStorage w = random(new Random(1), n, true);
    FloatStorage g = random(new Random(2), n, true);
    Reductions.run(onDirect, w, g, direct);
    assertArrayEquals(heap, direct, 0.0);
    assertArrayEquals(onHeap.s0, onDirect.s0, 0f);

    // The reference: blocks of Scratch.BLOCK in order, each summed left to right.
    float[] wa = w.toArray();
    float[] ga = g.toArray();
    double dot = 0;
    for (int b = 0; b < n; b += Scratch.BLOCK) {
      double partial = 0;
      for (int i = b; i < Math.min(n, b + Scratch.BLOCK); i++) {
        partial += (double) wa[i] * ga[i];
      }
      dot += partial;
    }
    assertEquals(dot, heap[0], 0.0);
  }

  @Test
  void eachGradientGivesOneResultPerGradientInOrder() {
    List<Parameter> params = new ArrayList<>();
    int[] sizes = {3, 0, Passes.parallelThreshold() + 5, 2049};
    for (int t = 0; t < sizes.length; t++) {
      Parameter p = Parameter.zeros("p" + t, sizes[t]);
      FloatStorage grad = t % 2 == 0 ? FloatStorage.heap(sizes[t]) : FloatStorage.direct(sizes[t]);
      grad.fill(t + 1f);
      p.setGrad(grad);
      params.add(p);
    }
    params.add(1, Parameter.zeros("no grad", 4));
    ReductionKernel count = (w, g, a, b, c, from, to, out, at) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += w[i];
      }
      out[at] = sum;
    };
    double[] totals = new double[8];
    assertEquals(4, Reductions.eachGradient(count, params, totals));
    assertArrayEquals(new double[] {3 * 1, 0, sizes[2] * 3.0, sizes[3] * 4.0}, java.util.Arrays.copyOf(totals, 4), 0.0);
  }
}
