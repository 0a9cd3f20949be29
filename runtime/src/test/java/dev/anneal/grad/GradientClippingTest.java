package dev.anneal.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values recorded with torch 1.13 ({@code torch.nn.utils.clip_grad_norm_} on float32
 * gradients, printed with {@code float.hex}); the semantics are unchanged in 2.x.
 */
class GradientClippingTest {

  private static List<Parameter> params(float[]... grads) {
    List<Parameter> list = new ArrayList<>();
    for (int i = 0; i < grads.length; i++) {
      Parameter p = Parameter.zeros("p" + i, grads[i].length);
      p.setGrad(FloatStorage.wrap(grads[i].clone()));
      list.add(p);
    }
    return list;
  }

  private static void assertGrads(List<Parameter> params, float[]... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], params.get(i).grad().toArray(), 0f, "gradient of p" + i);
    }
  }

  @Test
  void twoNormScalesAllGradientsTogether() {
    List<Parameter> ps = params(new float[] {3, 4}, new float[] {12});
    assertEquals(13.0, GradientClipping.clipGradNorm(ps, 1.0));
    assertGrads(ps, new float[] {0x1.d89d88p-3f, 0x1.3b13b0p-2f}, new float[] {0x1.d89d88p-1f});
  }

  @Test
  void normBelowMaxStillMultipliesByOneAndReturnsNorm() {
    List<Parameter> ps = params(new float[] {0.1f, -0.2f}, new float[] {0.3f});
    assertEquals(0.37416574358940125, GradientClipping.clipGradNorm(ps, 5.0));
    assertGrads(ps, new float[] {0x1.99999ap-4f, -0x1.99999ap-3f}, new float[] {0x1.333334p-2f});
  }

  @Test
  void infinityNormIsLargestMagnitude() {
    List<Parameter> ps = params(new float[] {3, -7.5f}, new float[] {2});
    assertEquals(7.5, GradientClipping.clipGradNorm(ps, 2.0, Double.POSITIVE_INFINITY, false));
    assertGrads(ps, new float[] {0x1.999994p-1f, -0x1.fffffap+0f}, new float[] {0x1.11110ep-1f});
  }

  @Test
  void oneAndThreeNorms() {
    List<Parameter> ones = params(new float[] {3, -4}, new float[] {1, 0.5f});
    assertEquals(8.5, GradientClipping.clipGradNorm(ones, 3.0, 1.0, false));
    assertGrads(ones, new float[] {0x1.0f0f0cp+0f, -0x1.696966p+0f}, new float[] {0x1.696966p-2f, 0x1.696966p-3f});

    List<Parameter> threes = params(new float[] {3, -4}, new float[] {1, 0.5f});
    assertEquals(4.516401290893555, GradientClipping.clipGradNorm(threes, 3.0, 3.0, false));
    assertGrads(threes, new float[] {0x1.fe23fcp+0f, -0x1.5417fep+1f}, new float[] {0x1.5417fep-1f, 0x1.5417fep-2f});
  }

  @Test
  void unevenValues() {
    List<Parameter> ps = params(new float[] {0.3f, -0.7f, 1.9f}, new float[] {2.5f});
    assertEquals(3.2310988903045654, GradientClipping.clipGradNorm(ps, 0.5));
    assertGrads(ps, new float[] {0x1.7c4dd0p-5f, -0x1.bbb01cp-4f, 0x1.2d12eep-2f}, new float[] {0x1.8c2662p-2f});
  }

  @Test
  void parametersWithoutGradientAreIgnored() {
    List<Parameter> ps = params(new float[] {3, 4});
    Parameter none = Parameter.zeros("none", 2);
    ps.add(none);
    assertEquals(5.0, GradientClipping.clipGradNorm(ps, 10.0));
    assertNull(none.grad());
    assertEquals(0.0, GradientClipping.clipGradNorm(List.of(none), 1.0));
  }

  @Test
  void nonFiniteNormRaisesOnlyWhenAsked() {
    List<Parameter> ps = params(new float[] {1, Float.NaN});
    NonFiniteGradientException e = assertThrows(NonFiniteGradientException.class,
        () -> GradientClipping.clipGradNorm(ps, 1.0, 2.0, true));
    assertTrue(e.getMessage().contains("non-finite") && e.getMessage().contains("p0[1]"), e.getMessage());
    assertEquals(1f, ps.get(0).grad().get(0), "nothing scaled when raising");

    List<Parameter> inf = params(new float[] {1, Float.POSITIVE_INFINITY});
    assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipGradNorm(inf, 1.0, 2.0, false));
    // PyTorch scales by max_norm / (inf + 1e-6) = 0: finite values become 0, inf * 0 = NaN.
    assertEquals(0f, inf.get(0).grad().get(0));
    assertTrue(Float.isNaN(inf.get(0).grad().get(1)));
  }

  @Test
  void clipByValueClampsAndKeepsNaN() {
    List<Parameter> ps = params(new float[] {-3, 0.5f, 2, Float.NaN, Float.NEGATIVE_INFINITY});
    GradientClipping.clipGradValue(ps, 1.0);
    assertArrayEquals(new float[] {-1, 0.5f, 1, Float.NaN, -1}, ps.get(0).grad().toArray());
  }

  @Test
  void findsFirstNonFiniteGradient() {
    List<Parameter> ps = params(new float[] {1, 2}, new float[] {3, Float.NEGATIVE_INFINITY});
    assertSame(ps.get(1), NonFiniteGradients.first(ps));
    assertEquals("p1[1] = -Infinity", NonFiniteGradients.describeFirst(ps));
    assertNull(NonFiniteGradients.first(ps.subList(0, 1)));
  }
}
