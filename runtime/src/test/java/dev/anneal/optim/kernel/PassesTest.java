package dev.anneal.optim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.anneal.param.FloatStorage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every storage path (heap, direct via wide scratch, direct via chunked state copies, split) gives the same bits. */
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

  @Test
  void allPathsAgreeBitForBit() {
    int n = Passes.parallelThreshold() * 2 + 4099;
    Random random = new Random(3);
    float[] w = new float[n];
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) random.nextGaussian();
      g[i] = (float) random.nextGaussian();
    }
    float[][] expected = run(w, g, false, false, Integer.MAX_VALUE);
    int savedLimit = Passes.wideLimit;
    try {
      for (int limit : new int[] {Integer.MAX_VALUE, 0}) {
        for (boolean directW : new boolean[] {false, true}) {
          for (boolean directG : new boolean[] {false, true}) {
            float[][] got = run(w, g, directW, directG, limit);
            for (int k = 0; k < expected.length; k++) {
              assertArrayEquals(expected[k], got[k], "array " + k + " directW=" + directW + " directG=" + directG + " limit=" + limit);
            }
          }
        }
      }
    } finally {
      Passes.wideLimit = savedLimit;
    }
  }

  private static float[][] run(float[] w, float[] g, boolean directW, boolean directG, int wideLimit) {
    Passes.wideLimit = wideLimit;
    FloatStorage values = directW ? FloatStorage.direct(w.length) : FloatStorage.heap(w.length);
    FloatStorage grad = directG ? FloatStorage.direct(g.length) : FloatStorage.heap(g.length);
    values.copyFrom(w);
    grad.copyFrom(g);
    Mix kernel = new Mix(w.length);
    Passes.run(kernel, values, grad);
    Passes.runSerial(kernel, values, grad);
    return new float[][] {values.toArray(), kernel.state[0], kernel.state[1], kernel.state[2]};
  }
}
