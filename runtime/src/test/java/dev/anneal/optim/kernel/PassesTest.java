package dev.anneal.optim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.param.FloatStorage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every storage path (heap, direct through the chunk scratch, split, batched) gives the same bits. */
class PassesTest {

  /** Touches all five arrays: w += s0*g; s0 = s0*0.5 + g; s1 = max(s1, |g|); s2 += w. */
  private static final class Mix implements ElementKernel {
    final float[][] state;

    Mix(int n) {
      state = new float[3][n];
      for (int k = 0; k < 3; k++) {
        for (int i = 0; i < n; i++) {
          state[k][i] = (k + 1) * 0.25f + i % 5;
        }
      }
    }

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      for (int i = from; i < to; i++) {
        float x = w[i] + s0[i] * g[i];
        w[i] = x;
        s0[i] = s0[i] * 0.5f + g[i];
        s1[i] = Math.max(s1[i], Math.abs(g[i]));
        s2[i] = s2[i] + x;
      }
    }

    @Override
    public float[] state(int k) {
      return state[k];
    }
  }

  private static float[] gaussian(Random random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) random.nextGaussian();
    }
    return a;
  }

  private static FloatStorage storage(float[] values, boolean direct) {
    FloatStorage s = direct ? FloatStorage.direct(values.length) : FloatStorage.heap(values.length);
    s.copyFrom(values);
    return s;
  }

  @Test
  void allPathsAgreeBitForBit() {
    int n = Passes.parallelThreshold() * 2 + 4099; // split across the pool, with a ragged last chunk
    Random random = new Random(3);
    float[] w = gaussian(random, n);
    float[] g = gaussian(random, n);
    float[][] expected = run(w, g, false, false);
    for (boolean directW : new boolean[] {false, true}) {
      for (boolean directG : new boolean[] {false, true}) {
        float[][] got = run(w, g, directW, directG);
        for (int k = 0; k < expected.length; k++) {
          assertArrayEquals(expected[k], got[k], "array " + k + " directW=" + directW + " directG=" + directG);
        }
      }
    }
  }

  private static float[][] run(float[] w, float[] g, boolean directW, boolean directG) {
    FloatStorage values = storage(w, directW);
    FloatStorage grad = storage(g, directG);
    Mix kernel = new Mix(w.length);
    Passes.run(kernel, values, grad);
    Passes.run(kernel, values, grad);
    return new float[][] {values.toArray(), kernel.state[0], kernel.state[1], kernel.state[2]};
  }

  /** Many small tensors and a large one, batched into one multi-tensor pass, end as passes run one by one. */
  @Test
  void batchedPassesMatchSinglePasses() {
    Random random = new Random(5);
    int[] sizes = {768, 1, 0, 3072, 63, Passes.parallelThreshold() + 17, 768, 130, 5000};
    for (boolean direct : new boolean[] {false, true}) {
      FloatStorage[] v1 = new FloatStorage[sizes.length];
      FloatStorage[] v2 = new FloatStorage[sizes.length];
      FloatStorage[] gs = new FloatStorage[sizes.length];
      Mix[] k1 = new Mix[sizes.length];
      Mix[] k2 = new Mix[sizes.length];
      for (int t = 0; t < sizes.length; t++) {
        float[] w = gaussian(random, sizes[t]);
        v1[t] = storage(w, direct);
        v2[t] = storage(w, direct);
        gs[t] = storage(gaussian(random, sizes[t]), direct);
        k1[t] = new Mix(sizes[t]);
        k2[t] = new Mix(sizes[t]);
      }
      for (int t = 0; t < sizes.length; t++) {
        Passes.run(k1[t], v1[t], gs[t]);
      }
      Passes.beginBatch();
      for (int t = 0; t < sizes.length; t++) {
        Passes.run(k2[t], v2[t], gs[t]);
      }
      Passes.endBatch();
      for (int t = 0; t < sizes.length; t++) {
        assertArrayEquals(v1[t].toArray(), v2[t].toArray(), "values of tensor " + t + " direct=" + direct);
        for (int k = 0; k < 3; k++) {
          assertArrayEquals(k1[t].state[k], k2[t].state[k], "state " + k + " of tensor " + t + " direct=" + direct);
        }
      }
    }
  }

  @Test
  void aBatchRunsItsPassesOnlyWhenItEnds() {
    FloatStorage values = FloatStorage.heap(10);
    FloatStorage grad = FloatStorage.heap(10);
    grad.fill(1f);
    Mix kernel = new Mix(10);
    Passes.beginBatch();
    Passes.run(kernel, values, grad);
    assertEquals(0f, values.get(3), "queued, not yet run");
    Passes.endBatch();
    assertEquals(kernel.state[1][3] + 0f, Math.max(1f, 0.5f + 3), 0f);
    assertEquals(0.25f + 3, values.get(3), 0f);
  }
}
